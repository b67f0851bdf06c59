using System.Text;

namespace PiiExtProc.Scanning.Tests.Support;

/// <summary>Random ASCII text pieces for generated values (property tests): digits, capital letters, a choice.</summary>
internal static class GeneratedText
{
    /// <summary><paramref name="count"/> random ASCII digits.</summary>
    public static string Digits(Random random, int count)
    {
        var digits = new StringBuilder(count);
        for (int i = 0; i < count; i++)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        return digits.ToString();
    }

    /// <summary><paramref name="count"/> random ASCII capital letters.</summary>
    public static string Letters(Random random, int count)
    {
        var letters = new StringBuilder(count);
        for (int i = 0; i < count; i++)
        {
            letters.Append((char)('A' + random.Next(26)));
        }

        return letters.ToString();
    }

    /// <summary>One of <paramref name="choices"/>, uniformly.</summary>
    public static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];
}
