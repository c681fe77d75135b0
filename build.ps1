#!/usr/bin/env pwsh
# Thin wrapper over the dotnet CLI: each target is one command of the README, run from the repository root.
# PowerShell itself comes from the repository's tool manifest, so no separate install is needed:
#   dotnet tool restore
#   dotnet pwsh ./build.ps1                      # Test
#   dotnet pwsh ./build.ps1 -Target Pack         # artifacts/packages/RelGen.*.nupkg and .snupkg
#   dotnet pwsh ./build.ps1 -Target Pack -Version 0.1.0
#   dotnet pwsh ./build.ps1 -Target Test --filter 'TestCategory!=Packaging'
# Arguments after the target go to the dotnet command unchanged; write MSBuild properties as /p:Name=Value
# (PowerShell would read -p:... as one of its own parameters).
param(
    [ValidateSet('Build', 'Test', 'Pack', 'Sample', 'Bench')]
    [string] $Target = 'Test',
    # The packages' version (Pack only); Directory.Build.props's default otherwise.
    [string] $Version = '',
    [Parameter(ValueFromRemainingArguments = $true)]
    [string[]] $Arguments = @()
)

$ErrorActionPreference = 'Stop'
Push-Location $PSScriptRoot
try {
    switch ($Target) {
        'Build' { dotnet build RelGen.sln -c Release @Arguments }
        'Test' { dotnet test @Arguments }
        # The packable projects only (RelGen.Packages.slnf): no need to build tests, samples and benchmarks to pack.
        'Pack' {
            # Typed, so a single argument stays an array to splat (PowerShell unrolls one-element arrays).
            [string[]] $versionArgument = if ($Version) { "-p:Version=$Version" } else { @() }
            dotnet pack RelGen.Packages.slnf -c Release -o artifacts/packages @versionArgument @Arguments
        }
        'Sample' { dotnet run --project samples/Newsroom @Arguments }
        # '--' quoted so PowerShell passes it on instead of reading it as its own end-of-parameters marker.
        'Bench' {
            [string[]] $benchArguments = if ($Arguments.Count -gt 0) { $Arguments } else { @('--filter', '*') }
            dotnet run -c Release --project benchmarks/RelGen.Benchmarks '--' @benchArguments
        }
    }
    if ($LASTEXITCODE -ne 0) {
        throw "build.ps1 ${Target}: dotnet exited with code $LASTEXITCODE."
    }
}
finally {
    Pop-Location
}
