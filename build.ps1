#!/usr/bin/env pwsh
# Thin wrapper over the dotnet CLI: each target is one command, run from the repository root.
#   ./build.ps1              # Test
#   ./build.ps1 -Target Pack
param(
    [ValidateSet('Build', 'Test', 'Pack', 'Sample', 'Bench')]
    [string] $Target = 'Test'
)

$ErrorActionPreference = 'Stop'
Push-Location $PSScriptRoot
try {
    switch ($Target) {
        'Build' { dotnet build RelGen.sln -c Release }
        'Test' { dotnet test }
        'Pack' { dotnet pack RelGen.sln -c Release -o artifacts/packages }
        'Sample' { dotnet run --project samples/Newsroom }
        # '--' quoted so PowerShell passes it on instead of reading it as its own end-of-parameters marker.
        'Bench' { dotnet run -c Release --project benchmarks/RelGen.Benchmarks '--' --filter '*' }
    }
    if ($LASTEXITCODE -ne 0) {
        throw "build.ps1 ${Target}: dotnet exited with code $LASTEXITCODE."
    }
}
finally {
    Pop-Location
}
