namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The part a JSON key plays in an attribute-list object (the entity-attribute-value shape of custom attributes,
/// metafields, form answers and contact points: <c>{"name": "mobile", "value": "9876543210"}</c>,
/// <c>{"key": "pincode", "value": "560001"}</c>, <c>{"system": "phone", "value": ...}</c>,
/// <c>{"question": "Delivery address", "answer": ...}</c>).
/// </summary>
/// <remarks>
/// When a label member holds a string (at most <see cref="AttributeLabel.MaxLabelBytes"/> bytes) that classifies as a key, a value
/// member after it in the same object is read under that key's class, as if the label were its key; the label itself is
/// then not a person name, and in an array the object's quasi-identifiers count in the record around the array (one
/// customer's attributes), not in a record of their own. A value member before its label is read under its own key.
/// </remarks>
internal enum AttributeMember : byte
{
    /// <summary>The key plays no part in an attribute list.</summary>
    None,

    /// <summary>The key's string value names what the object's value member holds: <c>name</c>, <c>key</c>,
    /// <c>field</c>, <c>label</c>, <c>attribute</c>, <c>attribute_code</c>, <c>type</c>, <c>system</c>,
    /// <c>question</c>...</summary>
    Label,

    /// <summary>The key holds the attribute's value: <c>value</c>, <c>val</c>, <c>answer</c>, <c>field_value</c>...</summary>
    Value,
}

/// <summary>Limits of attribute-list labels (<see cref="AttributeMember"/>).</summary>
internal static class AttributeLabel
{
    /// <summary>Longest label string classified, bytes (UTF-8, unescaped); a longer one is prose, not a label.</summary>
    public const int MaxLabelBytes = 48;

    /// <summary>True when a label member's string <paramref name="label"/> is short enough to be classified.</summary>
    public static bool Fits(ReadOnlySpan<byte> label) => label.Length is > 0 and <= MaxLabelBytes;

    /// <summary>True when a label's class says something a value under it is read with (entities, negative, role).</summary>
    public static bool Names(KeyClass labelClass) => !labelClass.IsNone;
}
