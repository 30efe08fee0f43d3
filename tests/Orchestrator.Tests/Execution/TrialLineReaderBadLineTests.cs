using Sweep.Orchestrator.Execution;

namespace Sweep.Orchestrator.Tests.Execution;

/// <summary>Every way a stdout line can break the protocol, with the exact message the user will read.</summary>
public sealed class TrialLineReaderBadLineTests
{
    public static TheoryData<string, string> BadLines => new()
    {
        { "hello", "line 7: not JSON: \"hello\"" },
        { "{\"type\":\"progress\",\"step\":1", "line 7: not JSON: \"{\"type\":\"progress\",\"step\":1\"" },
        { "{\"type\":\"progress\",\"step\":1} trailing", "line 7: not JSON: \"{\"type\":\"progress\",\"step\":1} trailing\"" },
        { "{'type':'progress'}", "line 7: not JSON: \"{'type':'progress'}\"" },
        { "{\"type\":\"progress\",\"step\":NaN}", "line 7: not JSON: \"{\"type\":\"progress\",\"step\":NaN}\"" },
        { "[1,2]", "line 7: expected a JSON object, got an array: \"[1,2]\"" },
        { "\"progress\"", "line 7: expected a JSON object, got a string: \"\"progress\"\"" },
        { "42", "line 7: expected a JSON object, got a number: \"42\"" },
        { "null", "line 7: expected a JSON object, got null: \"null\"" },
        { "{\"step\":1,\"value\":0.5}", "line 7: missing \"type\": \"{\"step\":1,\"value\":0.5}\"" },
        { "{\"type\":\"metrics\",\"step\":1}", "line 7: \"type\" must be \"progress\" or \"result\", got \"metrics\": \"{\"type\":\"metrics\",\"step\":1}\"" },
        { "{\"type\":1}", "line 7: \"type\" must be \"progress\" or \"result\", got 1: \"{\"type\":1}\"" },
        { "{\"type\":\"Progress\",\"step\":1}", "line 7: \"type\" must be \"progress\" or \"result\", got \"Progress\": \"{\"type\":\"Progress\",\"step\":1}\"" },
        { "{\"type\":\"progress\",\"value\":0.5}", "line 7: progress needs \"step\" (or \"epoch\"): \"{\"type\":\"progress\",\"value\":0.5}\"" },
        { "{\"type\":\"progress\",\"step\":null}", "line 7: progress needs \"step\" (or \"epoch\"): \"{\"type\":\"progress\",\"step\":null}\"" },
        { "{\"type\":\"progress\",\"step\":-1}", "line 7: \"step\" must be an integer >= 0, got -1: \"{\"type\":\"progress\",\"step\":-1}\"" },
        { "{\"type\":\"progress\",\"step\":1.5}", "line 7: \"step\" must be an integer >= 0, got 1.5: \"{\"type\":\"progress\",\"step\":1.5}\"" },
        { "{\"type\":\"progress\",\"step\":\"3\"}", "line 7: \"step\" must be an integer >= 0, got \"3\": \"{\"type\":\"progress\",\"step\":\"3\"}\"" },
        { "{\"type\":\"progress\",\"step\":1e30}", "line 7: \"step\" must be an integer >= 0, got 1e30: \"{\"type\":\"progress\",\"step\":1e30}\"" },
        { "{\"type\":\"progress\",\"epoch\":-2}", "line 7: \"epoch\" must be an integer >= 0, got -2: \"{\"type\":\"progress\",\"epoch\":-2}\"" },
        { "{\"type\":\"progress\",\"step\":1,\"loss\":1e400}", "line 7: \"loss\" is out of range: 1e400: \"{\"type\":\"progress\",\"step\":1,\"loss\":1e400}\"" },
        { "{\"type\":\"progress\",\"step\":1,\"step\":2}", "line 7: duplicate field \"step\": \"{\"type\":\"progress\",\"step\":1,\"step\":2}\"" },
        { "{\"type\":\"result\",\"value\":0.8}", "line 7: result needs \"status\": \"{\"type\":\"result\",\"value\":0.8}\"" },
        { "{\"type\":\"result\",\"status\":\"done\"}", "line 7: \"status\" must be \"complete\" or \"failed\", got \"done\": \"{\"type\":\"result\",\"status\":\"done\"}\"" },
        { "{\"type\":\"result\",\"status\":\"cancelled\"}", "line 7: \"status\" must be \"complete\" or \"failed\", got \"cancelled\": \"{\"type\":\"result\",\"status\":\"cancelled\"}\"" },
        { "{\"type\":\"result\",\"status\":\"failed\",\"error\":5}", "line 7: \"error\" must be a string, got 5: \"{\"type\":\"result\",\"status\":\"failed\",\"error\":5}\"" },
        { "Epoch 1/10\tloss=0.3", "line 7: not JSON: \"Epoch 1/10 loss=0.3\"" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void Bad_lines_are_rejected_with_the_line_number_and_a_quote(string line, string message)
    {
        var e = Assert.Throws<TrialLineException>(() => TrialLineReader.Parse(line, 7));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_long_bad_line_is_quoted_up_to_120_characters()
    {
        var line = new string('x', 500);
        var e = Assert.Throws<TrialLineException>(() => TrialLineReader.Parse(line, 1));
        Assert.Equal($"line 1: not JSON: \"{new string('x', 120)}…\"", e.Message);
    }
}
