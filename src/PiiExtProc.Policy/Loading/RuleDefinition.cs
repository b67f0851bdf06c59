using PiiExtProc.Policy.Routing;

namespace PiiExtProc.Policy.Loading;

/// <summary>One parsed entry of <c>rules:</c>, before it is merged with the top level and compiled.</summary>
internal sealed record RuleDefinition(string Name, int Line, int Column, RouteSelector Selector, RuleSettings Settings);
