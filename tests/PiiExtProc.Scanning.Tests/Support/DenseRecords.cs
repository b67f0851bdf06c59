using System.Text;

namespace PiiExtProc.Scanning.Tests.Support;

/// <summary>
/// Generated dense JSON bodies (property tests): an array of 1 to 8 records of 1 to 13 members each, the key of each
/// member picked from a list and its value written by the caller (a string, a number, or one nested in an object or an
/// array).
/// </summary>
internal static class DenseRecords
{
    /// <summary>
    /// The body: for each member, a key from <paramref name="keys"/>, then <paramref name="member"/> writes the member's
    /// JSON value (it draws from the same <paramref name="random"/>, after the key).
    /// </summary>
    public static string Json(Random random, IReadOnlyList<string> keys, Func<Random, string> member)
    {
        var json = new StringBuilder("[");
        int records = random.Next(1, 9);
        for (int r = 0; r < records; r++)
        {
            json.Append(r == 0 ? "{" : ",{");
            int fields = random.Next(1, 14);
            for (int f = 0; f < fields; f++)
            {
                json.Append(f > 0 ? "," : "").Append('"').Append(keys[random.Next(keys.Count)]).Append("\":").Append(member(random));
            }

            json.Append('}');
        }

        return json.Append(']').ToString();
    }

    /// <summary><paramref name="text"/> (already escaped) as a JSON string.</summary>
    public static string Quoted(string text) => $"\"{text}\"";

    /// <summary><paramref name="text"/> as the string member <c>value</c> of an object.</summary>
    public static string InObject(string text) => $"{{\"value\":\"{text}\"}}";

    /// <summary><paramref name="text"/> as the one string of an array.</summary>
    public static string InArray(string text) => $"[\"{text}\"]";
}
