using PiiExtProc.Scanning.Validators;
using static PiiExtProc.Scanning.Tests.Validators.ChecksumMutation;

namespace PiiExtProc.Scanning.Tests.Validators;

public sealed class PinCodeValidatorTests
{
    [Theory]
    [InlineData("110001")] // New Delhi GPO
    [InlineData("400001")] // Mumbai GPO
    [InlineData("560001")] // Bengaluru GPO
    [InlineData("600001")] // Chennai GPO
    [InlineData("700001")] // Kolkata GPO
    [InlineData("781001")] // Guwahati (Assam, 78)
    [InlineData("799001")] // Agartala (North-East, 79)
    [InlineData("853204")] // Bihar/Jharkhand (85)
    [InlineData("900099")] // Army Postal Service
    public void IsAssigned_AssignedCircles_True(string value) => Assert.True(PinCodeValidator.IsAssigned(Ascii(value)));

    [Theory]
    [InlineData("012345")]  // first digit 0
    [InlineData("100001")]  // 10 unassigned
    [InlineData("290001")]  // 29 unassigned
    [InlineData("350001")]  // 35 unassigned
    [InlineData("540001")]
    [InlineData("550001")]
    [InlineData("650001")]
    [InlineData("660001")]
    [InlineData("860001")]
    [InlineData("890001")]
    [InlineData("11000")]   // too short
    [InlineData("1100011")] // too long
    [InlineData("11000a")]
    [InlineData("110 001")]
    [InlineData("")]
    public void IsAssigned_UnassignedOrMalformed_False(string value) =>
        Assert.False(PinCodeValidator.IsAssigned(Ascii(value)));

    [Fact]
    public void IsAssigned_AllCircles_MatchTheResearchTable()
    {
        int[] unassigned = [10, 29, 35, 54, 55, 65, 66, 86, 87, 88, 89];
        for (int circle = 0; circle <= 99; circle++)
        {
            bool expected = circle >= 10 && !unassigned.Contains(circle);
            Assert.Equal(expected, PinCodeValidator.IsAssigned(Ascii($"{circle:00}0001")));
        }
    }
}
