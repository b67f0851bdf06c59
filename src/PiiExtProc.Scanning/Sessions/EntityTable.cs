using PiiExtProc.Scanning.Operators;

namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// The entities one scanner can report, by a small integer index: the built-ins at their
/// <see cref="PiiEntity.BuiltInIndex"/> (0-18), then the custom entities of the options (settings, custom recognizers,
/// deny list) in the order met. Sessions keep matches as indexes (no object references, so no write barriers when they
/// are copied) and turn them back into entities only for findings. Built once per scanner; immutable.
/// </summary>
internal sealed class EntityTable
{
    private readonly EntityInfo[] _infos;
    private readonly Dictionary<PiiEntity, int> _custom = new(ReferenceEqualityComparer.Instance);

    /// <summary>Builds the table of <paramref name="options"/>; <paramref name="actionOf"/> maps an operator to its action.</summary>
    public EntityTable(ScannerOptions options, Func<RedactionOperator, FindingAction> actionOf)
    {
        var entities = new List<PiiEntity>(PiiEntity.BuiltIn);
        void AddCustom(PiiEntity? entity)
        {
            if (entity is not null && !entity.IsBuiltIn && _custom.TryAdd(entity, entities.Count))
            {
                entities.Add(entity);
            }
        }

        foreach (PiiEntity entity in options.Entities.Keys)
        {
            AddCustom(entity);
        }

        foreach (CustomRecognizerDefinition? custom in options.CustomRecognizers)
        {
            AddCustom(custom?.Entity);
        }

        foreach (DenyListEntry? deny in options.DenyList)
        {
            AddCustom(deny?.Entity);
        }

        _infos = new EntityInfo[entities.Count];
        for (int i = 0; i < _infos.Length; i++)
        {
            PiiEntity entity = entities[i];
            uint group = entity.Category == EntityCategory.QuasiIdentifier ? CombinationGroup(entity) : 0;
            RedactionOperator? op = options.Entities.TryGetValue(entity, out EntitySettings? settings) ? settings.Operator : null;
            _infos[i] = new EntityInfo(entity, op, op is null ? default : actionOf(op), group);
        }
    }

    /// <summary>Number of entities (indexes are 0 to Count - 1).</summary>
    public int Count => _infos.Length;

    /// <summary>The index of <paramref name="entity"/>.</summary>
    /// <exception cref="InvalidOperationException">A custom entity the options do not know (names the entity, never a value).</exception>
    public int IndexOf(PiiEntity entity)
    {
        int index = entity.BuiltInIndex;
        return index >= 0 ? index : CustomIndexOf(entity);
    }

    /// <summary>The entity at <paramref name="index"/>.</summary>
    public PiiEntity EntityAt(int index) => _infos[index].Entity;

    /// <summary>Everything about the entity at <paramref name="index"/> (one bounds check for several fields).</summary>
    public ref readonly EntityInfo InfoAt(int index) => ref _infos[index];

    /// <summary>The operator of the entity at <paramref name="index"/>.</summary>
    /// <exception cref="InvalidOperationException">The options do not enable the entity.</exception>
    public RedactionOperator OperatorAt(int index)
    {
        ref readonly EntityInfo info = ref _infos[index];
        return info.Operator ?? throw NotEnabled(info.Entity);
    }

    /// <summary>What the operator of the entity at <paramref name="index"/> does to a finding.</summary>
    /// <exception cref="InvalidOperationException">The options do not enable the entity.</exception>
    public FindingAction ActionAt(int index) => ActionOf(_infos[index]);

    /// <summary>What the operator of <paramref name="info"/>'s entity does to a finding.</summary>
    /// <exception cref="InvalidOperationException">The options do not enable the entity.</exception>
    public static FindingAction ActionOf(in EntityInfo info) => info.Operator is not null ? info.Action : throw NotEnabled(info.Entity);

    /// <summary>
    /// The combination-rule group bit of a quasi-identifier (Guardian list B counts "device ID or IP" as one item), 0 for
    /// any other category.
    /// </summary>
    public uint GroupAt(int index) => _infos[index].Group;

    private int CustomIndexOf(PiiEntity entity) =>
        _custom.TryGetValue(entity, out int index) ? index : throw NotEnabled(entity);

    private static InvalidOperationException NotEnabled(PiiEntity entity) => new($"Entity '{entity.Name}' is not enabled.");

    /// <summary>The Guardian combination group of a quasi-identifier: name 1, email 2, address 4, IP or device ID 8, others 16.</summary>
    internal static uint CombinationGroup(PiiEntity entity) =>
        ReferenceEquals(entity, PiiEntity.PersonName) ? 1u
        : ReferenceEquals(entity, PiiEntity.Email) ? 2u
        : ReferenceEquals(entity, PiiEntity.PostalAddress) ? 4u
        : ReferenceEquals(entity, PiiEntity.IpAddress) || ReferenceEquals(entity, PiiEntity.DeviceId) ? 8u
        : 16u;
}
