<#
.SYNOPSIS
    Installs levensloop-docs on Windows 10/11 for an IT department: uv, a managed Python,
    the levensloop-docs wheel as a command-line tool, LibreOffice (for PDF) and Graphviz
    (for the stroomschema in the handreiking).

.DESCRIPTION
    Safe to run again: what is there already is kept, the tool is replaced by the given wheel.
    Needs winget (App Installer, part of Windows 10 1809+ and Windows 11) for uv and
    LibreOffice; without winget, install those two yourself first and run this again.

    Why uv and not pipx: uv is one program that also installs the Python it needs
    (no separate Python install, no Microsoft Store python.exe stub), installs per user
    without administrator rights, and installs exactly the wheel it is given.

.PARAMETER Wheel
    Path to levensloop_docs-<version>-py3-none-any.whl. Default: the newest in .\dist.

.PARAMETER Python
    Python version for the tool (3.11, 3.12 or 3.13). Default: 3.12.

.PARAMETER AllUsers
    Install for every user of this computer (run as administrator): tool and Python under
    %ProgramData%\levensloop, the command folder on the machine PATH.

.PARAMETER NoLibreOffice
    Do not install LibreOffice (DOCX and HTML work without it; PDF does not).

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File scripts\installeer.ps1 -Wheel .\levensloop_docs-0.1.0-py3-none-any.whl
#>
[CmdletBinding()]
param(
    [string]$Wheel = "",
    [ValidateSet("3.11", "3.12", "3.13")][string]$Python = "3.12",
    [switch]$AllUsers,
    [switch]$NoLibreOffice
)
$ErrorActionPreference = "Stop"

function Say([string]$Text) { Write-Host "levensloop-docs: $Text" }

function Test-Command([string]$Name) { return [bool](Get-Command $Name -ErrorAction SilentlyContinue) }

function Update-SessionPath {
    # winget changes PATH in the registry; this session still has the old one
    $machine = [Environment]::GetEnvironmentVariable("Path", "Machine")
    $user = [Environment]::GetEnvironmentVariable("Path", "User")
    $env:Path = "$machine;$user"
}

function Install-WithWinget([string]$Id, [string]$Label) {
    if (-not (Test-Command "winget")) {
        throw "winget ontbreekt: installeer $Label zelf (zie README, 'Installeren op Windows') en start dit script opnieuw."
    }
    Say "$Label installeren met winget ($Id)"
    $scope = if ($AllUsers) { "machine" } else { "user" }
    winget install --id $Id --exact --silent --scope $scope --accept-source-agreements --accept-package-agreements
    if ($LASTEXITCODE -ne 0 -and $LASTEXITCODE -ne -1978335189) {  # -1978335189: already installed
        throw "winget kon $Label niet installeren (code $LASTEXITCODE)."
    }
    Update-SessionPath
}

function Find-Soffice {
    $roots = @($env:ProgramFiles, ${env:ProgramFiles(x86)}, (Join-Path $env:LOCALAPPDATA "Programs")) | Where-Object { $_ }
    foreach ($root in $roots) {
        $candidate = Join-Path $root "LibreOffice\program\soffice.exe"
        if (Test-Path $candidate) { return $candidate }
    }
    return $null
}

# 1. The wheel
if (-not $Wheel) {
    $dist = Join-Path (Split-Path -Parent $PSScriptRoot) "dist"
    $found = Get-ChildItem -Path $dist -Filter "levensloop_docs-*.whl" -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $found) { throw "Geen wheel gevonden in $dist. Geef het pad met -Wheel." }
    $Wheel = $found.FullName
}
if (-not (Test-Path $Wheel)) { throw "Het bestand $Wheel bestaat niet." }

# 2. uv
if (-not (Test-Command "uv")) { Install-WithWinget "astral-sh.uv" "uv" }
if (-not (Test-Command "uv")) { throw "uv staat niet op het PATH. Open een nieuw venster en start dit script opnieuw." }

if ($AllUsers) {
    $base = Join-Path $env:ProgramData "levensloop"
    $env:UV_TOOL_DIR = Join-Path $base "tools"
    $env:UV_TOOL_BIN_DIR = Join-Path $base "bin"
    $env:UV_PYTHON_INSTALL_DIR = Join-Path $base "python"
    foreach ($name in "UV_TOOL_DIR", "UV_TOOL_BIN_DIR", "UV_PYTHON_INSTALL_DIR") {
        [Environment]::SetEnvironmentVariable($name, (Get-Item "env:$name").Value, "Machine")
    }
    $machinePath = [Environment]::GetEnvironmentVariable("Path", "Machine")
    if (($machinePath -split ";") -notcontains $env:UV_TOOL_BIN_DIR) {
        [Environment]::SetEnvironmentVariable("Path", "$machinePath;$($env:UV_TOOL_BIN_DIR)", "Machine")
    }
}

# 3. levensloop-docs, with its own Python
Say "levensloop-docs installeren uit $Wheel (Python $Python)"
uv tool install --force --python $Python "$Wheel"
if ($LASTEXITCODE -ne 0) { throw "uv kon levensloop-docs niet installeren (code $LASTEXITCODE)." }
if (-not $AllUsers) { uv tool update-shell | Out-Null }
Update-SessionPath

# 4. LibreOffice (with its own Python and UNO, and the Carlito font that stands in for Calibri)
if (-not $NoLibreOffice) {
    if (Find-Soffice) { Say "LibreOffice is er al: $(Find-Soffice)" }
    else { Install-WithWinget "TheDocumentFoundation.LibreOffice" "LibreOffice" }
}

# 5. Graphviz ('dot'): draws the stroomschema in the handreiking
if (-not (Test-Command "dot")) { Install-WithWinget "Graphviz.Graphviz" "Graphviz" }

# 6. Check
Say "controle met 'levensloop doctor'"
$levensloop = Get-Command levensloop -ErrorAction SilentlyContinue
if ($levensloop) { & $levensloop.Source doctor }
else { Say "Open een nieuw venster en typ: levensloop doctor" }
