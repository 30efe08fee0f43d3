using Sweep.SearchSpaces.Specs;

namespace Sweep.SearchSpaces.Tests.Specs;

public sealed class DurationFormatTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("12h", 43200)]
    [InlineData("2d", 172800)]
    [InlineData("1h30m", 5400)]
    [InlineData("1d2h3m4s", 93784)]
    public void Parses_units_in_order(string text, int seconds)
    {
        Assert.True(DurationFormat.TryParse(text, out var d));
        Assert.Equal(TimeSpan.FromSeconds(seconds), d);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("30m1h")]
    [InlineData("1.5h")]
    [InlineData("12 hours")]
    [InlineData("-5m")]
    public void Rejects_other_forms(string text) => Assert.False(DurationFormat.TryParse(text, out _));

    [Theory]
    [InlineData(5400, "1h30m")]
    [InlineData(90, "1m30s")]
    [InlineData(172800, "2d")]
    public void Formats_the_shortest_form(int seconds, string expected) =>
        Assert.Equal(expected, DurationFormat.Format(TimeSpan.FromSeconds(seconds)));
}
