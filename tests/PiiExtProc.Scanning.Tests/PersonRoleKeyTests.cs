using System.Text;
using PiiExtProc.Scanning.Tests.Support;

namespace PiiExtProc.Scanning.Tests;

/// <summary>
/// Name keys qualified by the role a person plays in a ticket, review, approval or CRM record (<c>requester_name</c>,
/// <c>reviewer_name</c>, <c>assignee_name</c>, <c>createdByName</c>): the name counts with the email beside it. Before,
/// only customer-side qualifiers (customer, billing, contact...) made a <c>*_name</c> key a person's name, so a helpdesk
/// ticket's requester went out in the clear.
/// </summary>
public sealed class PersonRoleKeyTests
{
    [Theory]
    [InlineData("requester_name", "requester_email")]
    [InlineData("reviewer_name", "reviewer_email")]
    [InlineData("assignee_name", "assignee_email")]
    [InlineData("createdByName", "createdByEmail")]
    [InlineData("approver_name", "approver_email")]
    public void Process_RoleQualifiedNameWithEmail_BothMasked(string nameKey, string emailKey)
    {
        string body = $$$"""{"ticket":{"id":4471,"{{{nameKey}}}":"Priya Sharma","{{{emailKey}}}":"priya.sharma@example.com","subject":"Refund"}}""";
        ScanResult result = Scanners.Run(Scanners.Guardian, BodyFormat.Json, body);

        Assert.True(result.ContainsPii);
        Assert.DoesNotContain("Priya Sharma", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("priya.sharma", result.Text, StringComparison.Ordinal);
        ScanComparison.AssertSplitsAndKeyedFastPathChangeNothing(Encoding.UTF8.GetBytes(body), result);
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
