using System.Text;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Name keys qualified by the role a person plays in a ticket, review, approval or CRM record (<c>requester_name</c>,
/// <c>reviewer_name</c>, <c>assignee_name</c>, <c>createdByName</c>): the name counts with the email beside it. Before,
/// only customer-side qualifiers (customer, billing, contact...) made a <c>*_name</c> key a person's name, so a helpdesk
/// ticket's requester went out in the clear; and a bank transfer's remitter and beneficiary (<c>remitter_name</c>,
/// <c>bene_name</c>) with the <c>nm</c> abbreviation of bank and ERP schemas (<c>cust_nm</c>).
/// </summary>
public sealed class PersonRoleKeyTests
{
    [Theory]
    [InlineData("requester_name", "requester_email")]
    [InlineData("reviewer_name", "reviewer_email")]
    [InlineData("assignee_name", "assignee_email")]
    [InlineData("createdByName", "createdByEmail")]
    [InlineData("approver_name", "approver_email")]
    // The parties of bank transfers and payouts (IMPS/NEFT/UPI callbacks), and the nm abbreviation of bank and ERP
    // schemas.
    [InlineData("remitter_name", "remitter_email")]
    [InlineData("remitterName", "email")]
    [InlineData("bene_name", "bene_email")]
    [InlineData("cust_nm", "cust_email")]
    [InlineData("rcvr_nm", "rcvr_mail")]
    [InlineData("acct_name", "email")]
    public void Process_RoleQualifiedNameWithEmail_BothMasked(string nameKey, string emailKey)
    {
        string body = $$$"""{"ticket":{"id":4471,"{{{nameKey}}}":"Priya Sharma","{{{emailKey}}}":"priya.sharma@example.com","subject":"Refund"}}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.True(result.ContainsPii);
        Assert.DoesNotContain("Priya Sharma", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("priya.sharma", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), result);
    }

    /// <summary>The nm abbreviation names a person only after a person's qualifier: a product's name is none.</summary>
    [Theory]
    [InlineData("product_nm")]
    [InlineData("nm")]
    [InlineData("file_nm")]
    public void Process_NmWithoutAPersonQualifier_NoName(string key)
    {
        string body = $$$"""{"{{{key}}}":"Cotton Kurta","email":"ravi.k@example.com"}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Contains("Cotton Kurta", result.Text, StringComparison.Ordinal);
        Assert.False(result.ContainsPii);
    }

    /// <summary>A book's author is as often a public name as a user's: author_name stays no person's name key.</summary>
    [Fact]
    public void Process_AuthorName_NotAPersonsNameKey()
    {
        const string body = """{"book":{"title":"Five Point Someone","author_name":"Chetan Bhagat","publisher_email":"rights@example.com"}}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.Contains("Chetan Bhagat", result.Text, StringComparison.Ordinal);
        Assert.False(result.ContainsPii);
    }
}
