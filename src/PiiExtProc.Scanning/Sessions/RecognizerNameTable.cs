namespace PiiExtProc.Scanning.Sessions;

/// <summary>
/// Recognizer names of one session by a small integer index, so that matches hold no string references. Names are a
/// bounded set (string constants of the built-in recognizers, the policy's custom recognizer names): the table learns
/// each one the first time it is seen and keeps it for the session's life (pooled sessions keep it warm). The last name
/// seen for each entity is remembered, so a lookup is nearly always one reference comparison.
/// </summary>
internal sealed class RecognizerNameTable
{
    private readonly LastName[] _lastByEntity;
    private string[] _names = new string[32];
    private int _count;

    /// <summary>Creates an empty table for entity indexes 0 to <paramref name="entityCount"/> - 1.</summary>
    public RecognizerNameTable(int entityCount)
    {
        _lastByEntity = new LastName[entityCount];
    }

    /// <summary>The index of <paramref name="name"/>, reported for the entity at <paramref name="entity"/>.</summary>
    public int IndexOf(string name, int entity)
    {
        ref LastName last = ref _lastByEntity[entity];
        if (ReferenceEquals(last.Name, name))
        {
            return last.Index;
        }

        int index = Find(name);
        last.Name = name;
        last.Index = index;
        return index;
    }

    /// <summary>The name at <paramref name="index"/>.</summary>
    public string NameAt(int index) => _names[index];

    private int Find(string name)
    {
        for (int i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_names[i], name))
            {
                return i;
            }
        }

        // Equal names from different instances share one index, which keeps the table bounded by the set of names.
        for (int i = 0; i < _count; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        if (_count == _names.Length)
        {
            Array.Resize(ref _names, _count * 2);
        }

        _names[_count] = name;
        return _count++;
    }

    private struct LastName
    {
        public string? Name;
        public int Index;
    }
}
