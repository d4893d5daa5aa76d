"""The only place where a case becomes template data: one view per audience.

- ``plan``: the levensloopplan (the full case, for the network's own file).
- ``partner_sheet``: what one partner may receive, filtered through the sharing policy.
- ``aanmelding``: the aanmeldformulier and the terugkoppeling letter.
"""
