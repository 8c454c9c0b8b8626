// Checks that a packed CcsClient.nupkg holds what users need. Run: dotnet run scripts/check-package.cs -- <nupkg>
using System;
using System.IO.Compression;
using System.Linq;

var path = args.Length > 0 ? args[0] : throw new ArgumentException("usage: check-package.cs <path-to-nupkg>");
using var zip = ZipFile.OpenRead(path);
var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
string[] required =
[
    "README.md",
    "CcsClient.nuspec",
    "lib/netstandard2.0/CcsClient.dll", "lib/netstandard2.0/CcsClient.xml",
    "lib/net8.0/CcsClient.dll", "lib/net8.0/CcsClient.xml",
    "lib/net10.0/CcsClient.dll", "lib/net10.0/CcsClient.xml",
];
var missing = required.Where(r => !entries.Contains(r)).ToList();

using var nuspecReader = new System.IO.StreamReader(zip.GetEntry("CcsClient.nuspec")!.Open());
var nuspec = nuspecReader.ReadToEnd();
foreach (var fragment in new[] { "<license type=\"expression\">MIT</license>", "<readme>README.md</readme>", "<repository type=\"git\"", "<id>CcsClient</id>" })
{
    if (!nuspec.Contains(fragment, StringComparison.Ordinal))
    {
        missing.Add($"nuspec: {fragment}");
    }
}

var symbols = System.IO.Path.ChangeExtension(path, ".snupkg");
if (!System.IO.File.Exists(symbols))
{
    missing.Add(symbols);
}

if (missing.Count > 0)
{
    Console.Error.WriteLine($"{path} lacks: {string.Join(", ", missing)}");
    return 1;
}

Console.WriteLine($"package ok: {path} ({entries.Count} entries)");
return 0;
