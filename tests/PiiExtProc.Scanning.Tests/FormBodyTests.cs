using System.Text;
using PiiExtProc.Scanning.Operators;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// <c>application/x-www-form-urlencoded</c> bodies (<see cref="BodyFormat.FormUrlEncoded"/>): values are decoded and scanned
/// with their key, rewritten values are encoded again, the body is one record, and chunking changes nothing.
/// </summary>
public sealed class FormBodyTests
{
    private static readonly PiiScanner s_defaultMasks = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance));

    [Fact]
    public void Process_PaymentCallback_DecodesMasksAndEncodesAgain()
    {
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.FormUrlEncoded,
            "txnid=T1001&amount=499.00&firstname=Ravi&lastname=Kumar&email=ravi.k%40example.com&phone=%2B91+98765+43210&productinfo=Steel+bottle");

        Assert.Equal(
            "txnid=T1001&amount=499.00&firstname=RXXX&lastname=KXXXX&email=raXXX%40example.com&phone=%2B91+98XXX+XXX10&productinfo=Steel+bottle",
            result.Text);
        Assert.True(result.ContainsPii);
    }

    [Fact]
    public void Process_EncodedNameAndAddress_AreFoundAndLabelsEncoded()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.FormUrlEncoded,
            "name=Ravi+Kumar&address=12+MG+Road%2C+Indiranagar%2C+Bengaluru+560038&note=leave+at+door");

        Assert.Equal("name=%5BPERSON_NAME%5D&address=%5BPOSTAL_ADDRESS%5D&note=leave+at+door", result.Text);
    }

    [Fact]
    public void Process_FindingsCoverTheEncodedValue()
    {
        string body = "a=1&email=ravi.k%40example.com&name=Ravi+Kumar";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.FormUrlEncoded, body);

        PiiFinding email = Assert.Single(result.Findings, f => f.Entity == PiiEntity.Email);
        Assert.Equal("ravi.k%40example.com", body.Substring((int)email.Offset, email.Length));
        PiiFinding name = Assert.Single(result.Findings, f => f.Entity == PiiEntity.PersonName);
        Assert.Equal("Ravi+Kumar", body.Substring((int)name.Offset, name.Length));
    }

    [Theory]
    [InlineData("email=ravi.k%40example.com&city=Pune")]
    [InlineData("name=Ravi+Kumar&order=OD1234")]
    [InlineData("q=Ravi+Kumar&page=2")]
    public void Process_OneQuasiIdentifier_LeavesTheFormAsItIs(string body)
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.FormUrlEncoded, body);

        Assert.Equal(body, result.Text);
        Assert.False(result.ContainsPii);
    }

    [Fact]
    public void Process_BracketedMembers_TakeTheirObjectsPartRoles()
    {
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.FormUrlEncoded,
            "customer%5Bname%5D%5Bfirst%5D=Ravi&customer[name][last]=Kumar&shipping_address[line1]=12+MG+Road&shipping_address[city]=Bengaluru&shipping_address[pincode]=560001");

        Assert.Equal(
            "customer%5Bname%5D%5Bfirst%5D=%5BPERSON_NAME%5D&customer[name][last]=%5BPERSON_NAME%5D&shipping_address[line1]=%5BPOSTAL_ADDRESS%5D&shipping_address[city]=%5BPOSTAL_ADDRESS%5D&shipping_address[pincode]=560001",
            result.Text);
    }

    [Fact]
    public void Process_MalformedPercentSequences_AreKeptAndTheRestScanned()
    {
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.FormUrlEncoded,
            "x=100%+sure&y=%zz&&=&z&mobile=9876543210&w=%E0%A4");

        Assert.Equal("x=100%+sure&y=%zz&&=&z&mobile=98XXXXXX10&w=%E0%A4", result.Text);
    }

    [Fact]
    public void Process_RewrittenValueWithUnchangedText_EncodesTheWholeValue()
    {
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.FormUrlEncoded,
            "comment=Call%20me%20on%209876543210%20after%206pm%21");

        Assert.Equal("comment=Call+me+on+98XXXXXX10+after+6pm%21", result.Text);
    }

    [Fact]
    public void Process_PairLongerThanTheRecordLimit_RestOfTheBodyIsText()
    {
        PiiScanner small = PiiScanner.Create(Scanners.GuardianOptions(DefaultMaskOperator.Instance, maxRecordBytes: 1024));
        string body = "mobile=9876543210&blob=" + new string('a', 2000) + "&mobile=9876543211&email=ravi.k%40example.com";
        ScanResult result = Scanners.Run(small, BodyFormat.FormUrlEncoded, body);

        Assert.StartsWith("mobile=98XXXXXX10&blob=aaa", result.Text, StringComparison.Ordinal);
        // As text, the later pairs are not decoded: the mobile is found by its key, the encoded email is not.
        Assert.EndsWith("&mobile=98XXXXXX11&email=ravi.k%40example.com", result.Text, StringComparison.Ordinal);
        Assert.True(result.FellBackToText);
    }

    [Fact]
    public void Process_QuasiIdentifiersFurtherBackThanTheRecordLimit_AreRedactedAsPii()
    {
        PiiScanner small = PiiScanner.Create(Scanners.GuardianOptions(RedactOperator.Instance, maxRecordBytes: 1024));
        var body = new StringBuilder("email=ravi.k%40example.com");
        for (int i = 0; i < 100; i++)
        {
            body.Append("&item").Append(i).Append("=sku-").Append(i);
        }

        ScanResult result = Scanners.Run(small, BodyFormat.FormUrlEncoded, body.ToString());

        Assert.DoesNotContain("ravi.k", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Entity == PiiEntity.Email && f.Action == FindingAction.Redacted);
    }

    [Theory]
    [InlineData("name=Ravi+Kumar&email=ravi.k%40example.com&note=Called+Ravi+Kumar+about+delivery",
        "name=RXXX+KXXXX&email=raXXX%40example.com&note=Called+RXXX+KXXXX+about+delivery")]
    [InlineData("name=Ravi%20Kumar&email=ravi.k%40example.com&message=Ravi%20Kumar%2C%20please%20call",
        "name=RXXX+KXXXX&email=raXXX%40example.com&message=RXXX+KXXXX%2C+please+call")]
    [InlineData("name=Ravi+Kumar&phone=9876543210&note=Called+Ravi+Kumar",
        "name=Ravi+Kumar&phone=98XXXXXX10&note=Called+Ravi+Kumar")]
    public void Process_NoteRepeatsAName_MaskedWithTheFormsRecord(string body, string expected)
    {
        // A free-text value's copy of the name goes with the name: masked when the form is PII by the combination rule
        // (name and email), left as the name itself is when it is not (a name and a phone number).
        Assert.Equal(expected, Scanners.Run(s_defaultMasks, BodyFormat.FormUrlEncoded, body).Text);
    }

    [Fact]
    public void Process_EveryTwoWaySplit_SameAsWhole()
    {
        byte[] body = Encoding.UTF8.GetBytes(
            "firstname=Ravi&lastname=Kumar&email=ravi.k%40example.com&phone=%2B91+98765+43210&address=12+MG+Road%2C+Bengaluru+560001&x=%E0%A4%B0"
            + "&name=Ravi+Kumar&comment=Ravi+Kumar+%28ravi.k%40example.com%29");
        ScanResult whole = Scanners.Run(s_defaultMasks, BodyFormat.FormUrlEncoded, body, [0]);
        Assert.Equal(8, whole.Findings.Count(f => f.Action == FindingAction.Redacted));
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_defaultMasks, BodyFormat.FormUrlEncoded, body, whole);

        ScanComparison.AssertSameResult(whole, Scanners.Run(s_defaultMasks, BodyFormat.FormUrlEncoded, body, [1]), "byte by byte", [1], body);
    }

    [Fact]
    public void Process_JsonSentAsAForm_IsScannedAsJson()
    {
        // curl -d '{...}' and many HTTP clients send JSON with the form content type.
        // The address object's parts are read only as JSON (as text its street and city go out as they are).
        const string Json = "\n {\"name\":\"Ravi Kumar\",\"shipping_address\":{\"line1\":\"12 MG Road\",\"city\":\"Pune\"},\"phone\":\"9876543210\"}";
        byte[] body = Encoding.UTF8.GetBytes(Json);
        ScanResult asForm = Scanners.Run(s_defaultMasks, BodyFormat.FormUrlEncoded, body, [0]);

        Assert.Equal(Scanners.Run(s_defaultMasks, BodyFormat.Json, Json).Text, asForm.Text);
        Assert.DoesNotContain("MG Road", asForm.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ravi Kumar", asForm.Text, StringComparison.Ordinal);
        ScanComparison.AssertEveryTwoWaySplitSameAsWhole(s_defaultMasks, BodyFormat.FormUrlEncoded, body, asForm);
        ScanComparison.AssertSameResult(asForm, Scanners.Run(s_defaultMasks, BodyFormat.FormUrlEncoded, body, [1]), "byte by byte", [1], body);
    }

    [Theory]
    [InlineData("note: call me on 9876543210", "note: call me on 98XXXXXX10")]
    [InlineData("a=1&aadhaar 2345 6789 0124&b=2", "a=1&aadhaar XXXX XXXX 0124&b=2")]
    [InlineData("2345 6789 0124=&b=2", "XXXX XXXX 0124=&b=2")]
    public void Process_PiecesThatAreNotPairs_AreScannedAsText(string body, string expected)
    {
        // A body that is not really a form must not pass unscanned: pieces without '=' and keys that hold data.
        ScanResult result = Scanners.Run(s_defaultMasks, BodyFormat.FormUrlEncoded, body);

        Assert.Equal(expected, result.Text);
    }
}
