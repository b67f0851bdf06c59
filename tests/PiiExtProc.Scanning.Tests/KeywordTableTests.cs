using System.Text;
using PiiExtProc.Scanning;
using PiiExtProc.Scanning.Recognition;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>The one keyword automaton per scanner: key words, context words, UPI handles and deny-list terms.</summary>
public sealed class KeywordTableTests
{
    private static readonly KeywordTable s_table = new([new DenyListEntry("Project Falcon", PiiEntity.PersonName)]);

    [Theory]
    [InlineData("customerPhoneNumber", BuiltInId.Mobile, 0, false)]
    [InlineData("AADHAAR_NO", BuiltInId.Aadhaar, 0, false)]
    [InlineData("phones", BuiltInId.Mobile, 0, false)]
    [InlineData("rmn", BuiltInId.Mobile, 0, false)]
    [InlineData("customer_rmn", BuiltInId.Mobile, 0, false)]
    [InlineData("mobno", BuiltInId.Mobile, 0, false)]
    [InlineData("phno", BuiltInId.Mobile, 0, false)]
    [InlineData("cellno", BuiltInId.Mobile, 0, false)]
    [InlineData("telno", BuiltInId.Mobile, 0, false)]
    [InlineData("whatsappNo", BuiltInId.Mobile, 0, false)]
    [InlineData("alternate_number", BuiltInId.Mobile, 0, false)]
    [InlineData("alt_no", BuiltInId.Mobile, 0, false)]
    [InlineData("altNumber", BuiltInId.Mobile, 0, false)]
    [InlineData("emergencyNo", BuiltInId.Mobile, 0, false)]
    [InlineData("alt", -1, 0, false)]
    [InlineData("alt_text", -1, 0, false)]
    [InlineData("backup_size", -1, 0, true)]
    [InlineData("customer_name", -1, (int)ValueRole.PersonName, false)]
    [InlineData("reviewer_name", -1, (int)ValueRole.PersonName, false)]
    [InlineData("requesterName", -1, (int)ValueRole.PersonName, false)]
    [InlineData("assignee_name", -1, (int)ValueRole.PersonName, false)]
    [InlineData("createdByName", -1, (int)ValueRole.PersonName, false)]
    [InlineData("created_by", -1, 0, true)]
    [InlineData("author_name", -1, 0, false)]
    [InlineData("product_name", -1, 0, true)]
    [InlineData("shipping_address", -1, (int)ValueRole.PostalAddress, false)]
    [InlineData("ip_address", BuiltInId.IpAddress, 0, false)]
    [InlineData("order_id", -1, 0, true)]
    [InlineData("message", -1, 0, false)]
    [InlineData("error_message", -1, 0, false)]
    [InlineData("logMsg", -1, 0, false)]
    [InlineData("messages", -1, 0, false)]
    [InlineData("message_id", -1, 0, true)]
    [InlineData("msg_seq", -1, 0, true)]
    [InlineData("order_message", -1, 0, true)]
    [InlineData("orders", -1, 0, true)]
    [InlineData("title", -1, 0, false)]
    [InlineData("phone1", BuiltInId.Mobile, 0, false)]
    [InlineData("Telephone1", BuiltInId.Mobile, 0, false)]
    [InlineData("mobile2", BuiltInId.Mobile, 0, false)]
    [InlineData("email2", BuiltInId.Email, 0, false)]
    [InlineData("ipv4", BuiltInId.IpAddress, 0, false)]
    [InlineData("sha256", -1, 0, false)]
    [InlineData("cc1", -1, 0, false)]
    [InlineData("policy_number", -1, 0, true)]
    public void ClassifyKey_Keys_Expected(string key, int entity, int role, bool negative)
    {
        KeyClass result = s_table.ClassifyKey(Encoding.UTF8.GetBytes(key));

        Assert.Equal(entity < 0 ? 0u : BuiltInId.Bit(entity), result.Entities & ~BuiltInId.Bit(BuiltInId.DeviceId));
        Assert.Equal((ValueRole)role, result.Role);
        Assert.Equal(negative, result.Negative);
    }

    [Theory]
    [InlineData("my Phone: ", BuiltInId.Mobile, false)]
    [InlineData("both phones ", BuiltInId.Mobile, false)]
    [InlineData("phone order ", -1, true)]
    [InlineData("order phone ", BuiltInId.Mobile, false)]
    [InlineData("smartphone ", -1, false)]
    [InlineData("phonebook ", -1, false)]
    [InlineData("nothing here ", -1, false)]
    [InlineData("my number is ", BuiltInId.Mobile, false)]
    [InlineData("number ", BuiltInId.Mobile, false)]
    [InlineData("order number ", -1, true)]
    [InlineData("invoice_number: ", -1, true)]
    [InlineData("tracking numbers ", -1, true)]
    [InlineData("policy  number ", -1, true)]
    [InlineData("account number ", BuiltInId.BankAccount, false)]
    [InlineData("phone number ", BuiltInId.Mobile, false)]
    [InlineData("Aadhaar number ", BuiltInId.Aadhaar, false)]
    [InlineData("order, number ", BuiltInId.Mobile, false)]
    [InlineData("alternate number ", BuiltInId.Mobile, false)]
    public void Context_NearestWholeWordDecides(string window, int entity, bool negative)
    {
        byte[] text = Encoding.UTF8.GetBytes(window + "9876543210");
        s_table.Context(text, window.Length, Detector.ContextWindow, out uint entities, out bool isNegative);

        Assert.Equal(entity < 0 ? 0u : BuiltInId.Bit(entity), entities);
        Assert.Equal(negative, isNegative);
    }

    [Fact]
    public void Context_WordCutByWindowStart_DoesNotCount()
    {
        byte[] text = Encoding.UTF8.GetBytes(new string('x', 10) + "phone" + new string(' ', Detector.ContextWindow - 3) + "9876543210");
        int position = text.Length - 10;
        s_table.Context(text, position, Detector.ContextWindow, out uint entities, out _);

        Assert.Equal(0u, entities);
    }

    [Theory]
    [InlineData("ybl", true)]
    [InlineData("OKSBI", true)]
    [InlineData("yblx", false)]
    [InlineData("example", false)]
    public void IsUpiHandle_Handles_Expected(string handle, bool expected) =>
        Assert.Equal(expected, s_table.IsUpiHandle(Encoding.UTF8.GetBytes(handle)));

    [Theory]
    [InlineData("status of project falcon today", "IN_PERSON_NAME_FOUND")]
    [InlineData("PROJECT FALCON.", "IN_PERSON_NAME_FOUND")]
    [InlineData("subproject falcon", "")]
    [InlineData("project falconry", "")]
    public void Scan_DenyListTerm_WholeWordAsciiCaseInsensitive(string body, string expected)
    {
        ScannerOptions options = Scanners.GuardianOptions() with
        {
            DenyList = [new DenyListEntry("Project Falcon", PiiEntity.PersonName)],
            Combination = new CombinationRule(1),
        };
        ScanResult result = Scanners.Run(PiiScanner.Create(options), BodyFormat.Text, body);

        bool found = result.Findings.Any(f => f.Recognizer == "deny_list" && f.Entity == PiiEntity.PersonName);
        Assert.Equal(expected.Length > 0, found);
    }

    [Fact]
    public void Create_EmptyDenyTerm_Throws() =>
        Assert.Throws<ScannerConfigurationException>(() => new KeywordTable([new DenyListEntry("", PiiEntity.Email)]));
}
