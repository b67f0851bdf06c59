using PiiExtProc.Scanning;

namespace PiiExtProc.Policy.Loading;

/// <summary>A parsed policy file: everything validated, operators built and keys loaded, nothing compiled yet.</summary>
internal sealed record PolicyDefinition(
    string File,
    string Version,
    IReadOnlyList<CustomRecognizerDefinition> CustomRecognizers,
    IReadOnlyList<PiiEntity> CustomEntities,
    IReadOnlyList<DenyListEntry> DenyList,
    RuleSettings Defaults,
    IReadOnlyList<RuleDefinition> Rules);
