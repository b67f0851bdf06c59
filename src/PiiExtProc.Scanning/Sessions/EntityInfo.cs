using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>What a session needs of one entity of an <see cref="EntityTable"/>, read together from one array element.</summary>
internal readonly struct EntityInfo(PiiEntity entity, RedactionOperator? op, FindingAction action, uint group)
{
    /// <summary>The entity.</summary>
    public PiiEntity Entity { get; } = entity;

    /// <summary>Its operator, or null when the options do not enable it.</summary>
    public RedactionOperator? Operator { get; } = op;

    /// <summary>What <see cref="Operator"/> does to a finding; meaningful when it is not null.</summary>
    public FindingAction Action { get; } = action;

    /// <summary>The combination-rule group bit of a quasi-identifier, 0 for any other category.</summary>
    public uint Group { get; } = group;

    /// <summary>
    /// <see cref="RedactionOperator.OutputNeedsNoJsonEscaping"/> of <see cref="Operator"/>, read once: a replacement of a
    /// JSON string or number value by it is not checked for bytes that need escaping.
    /// </summary>
    public bool OutputNeedsNoJsonEscaping { get; } = op?.OutputNeedsNoJsonEscaping ?? false;
}
