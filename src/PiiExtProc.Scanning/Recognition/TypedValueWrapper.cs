namespace PiiExtProc.Scanning.Recognition;

/// <summary>
/// The part a JSON key plays in a typed value's wrapper object, as document stores and analytics APIs write their
/// values: DynamoDB's attribute values (<c>{"name": {"S": "Ravi Kumar"}}</c>, <c>{"address": {"M": {"line1": {"S":
/// ...}}}}</c>), Firestore's REST documents (<c>{"fullName": {"stringValue": ...}}</c>, <c>{"mapValue": {"fields":
/// ...}}</c>) and Google Analytics' user properties (<c>{"full_name": {"value": ...}}</c>). Under a key that names a role,
/// the wrapped value is that key's value (<see cref="JsonValueKey.Of"/>).
/// </summary>
internal enum TypedValueWrapper : byte
{
    /// <summary>The key wraps nothing.</summary>
    None,

    /// <summary>The key holds the wrapped value itself: <c>S</c>, <c>stringValue</c>, <c>string_value</c>,
    /// <c>value</c>.</summary>
    Value,

    /// <summary>The key holds the wrapped object or array: <c>M</c>, <c>L</c>, <c>mapValue</c>, <c>fields</c>,
    /// <c>arrayValue</c>, <c>values</c>.</summary>
    Container,
}
