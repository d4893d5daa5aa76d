#!/usr/bin/env bash
# Installs what is needed, then makes every document of the bundled examples in uitvoer/:
# the levensloopplan, aanmeldformulier and terugkoppeling of each example case, the partner
# sheets of the example in detention, the anonymised aanmeldformulier of one registration, and
# the partner leaflets and handreiking of its region. Each included case also gets its
# signaleringsplan, toestemmingsverklaring and opnamebrief; the example in detention gets
# crisiskaarten and an overdracht to another region.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh
LL=.venv/bin/levensloop
FORMATEN=docx,pdf,html
$LL genereer examples/ --uit uitvoer/ --formaat "$FORMATEN"
partners=()
for soort in gemeente penitentiaire_inrichting reclassering politie woningcorporatie; do
  partners+=(--document "partner:$soort" --document "crisiskaart:$soort")
done
partners+=(--document overdracht:groningen)
$LL genereer examples/detentie-midden-nederland.yaml --uit uitvoer/ --formaat "$FORMATEN" "${partners[@]}"
# the client's own copy of the plan (without what naasten told and without victim protection)
$LL genereer examples/biz-limburg.yaml --uit uitvoer/ --formaat "$FORMATEN" --document levensloopplan-client
# the anonymised aanmeldformulier (tafelversie) of the registration in Oost-Brabant
$LL genereer examples/aanmelding-oost-brabant.yaml --uit uitvoer/ --formaat "$FORMATEN" \
  --document aanmeldformulier --geanonimiseerd
# who received the data of the case in detention (the register the runs above wrote beside the
# case), as the letter to the client; and everything the case holds, for an inzageverzoek
$LL verstrekkingen examples/detentie-midden-nederland.yaml --uit uitvoer/ --formaat "$FORMATEN" >/dev/null
$LL inzage examples/biz-limburg.yaml --uit uitvoer/ --formaat "$FORMATEN"
$LL partnerinfo --partner alle --regio midden-nederland --uit uitvoer/partnerinfo --formaat "$FORMATEN"
$LL handreiking --regio midden-nederland --uit uitvoer/handreiking --formaat "$FORMATEN"
echo "Klaar: alle documenten staan in uitvoer/."
