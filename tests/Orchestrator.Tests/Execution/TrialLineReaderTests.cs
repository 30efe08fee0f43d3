using Sweep.Orchestrator.Execution;

namespace Sweep.Orchestrator.Tests.Execution;

public sealed class TrialLineReaderTests
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

    [Fact]
    public void Progress_takes_every_numeric_field_as_a_metric_and_allows_unknown_fields()
    {
        var line = TrialLineReader.Parse("""{"type":"progress","step":3,"epoch":1,"value":0.5,"val_top1":0.41,"loss":null,"note":"warm","ok":true,"extra":{"a":1}}""", 1);
        var progress = Assert.IsType<TrialProgress>(line);
        Assert.Equal(3, progress.Step);
        Assert.Equal(new Dictionary<string, double> { ["step"] = 3, ["epoch"] = 1, ["value"] = 0.5, ["val_top1"] = 0.41 }, progress.Metrics);
    }

    [Theory]
    [InlineData("""{"type":"progress","epoch":4,"loss":0.2}""", 4)]
    [InlineData("""{"type":"progress","step":null,"epoch":5}""", 5)]
    [InlineData("""{"type":"progress","step":3.0}""", 3)]
    [InlineData("""{"type":"progress","step":0}""", 0)]
    [InlineData("""  {"type":"progress","step":9007199254740993}  """, 9007199254740993)]
    public void Progress_step_falls_back_to_epoch_and_accepts_integral_numbers(string text, long step) =>
        Assert.Equal(step, Assert.IsType<TrialProgress>(TrialLineReader.Parse(text, 1)).Step);

    [Fact]
    public void Results_carry_status_metrics_and_error()
    {
        var complete = Assert.IsType<TrialResult>(TrialLineReader.Parse("""{"type":"result","status":"complete","value":0.83,"best_epoch":7}""", 1));
        Assert.Equal(new TrialResult("complete", complete.Metrics, null), complete);
        Assert.Equal(0.83, complete.Metrics["value"]);
        Assert.Equal(7, complete.Metrics["best_epoch"]);
        var failed = Assert.IsType<TrialResult>(TrialLineReader.Parse("""{"type":"result","status":"failed","error":"CUDA out of memory"}""", 1));
        Assert.Equal(("failed", "CUDA out of memory"), (failed.Status, failed.Error));
        Assert.Empty(failed.Metrics);
    }

    [Fact]
    public void The_reader_counts_lines_skips_blank_ones_and_rejects_output_after_the_result()
    {
        var reader = new TrialLineReader();
        Assert.Null(reader.Read(""));
        Assert.Null(reader.Read("   "));
        Assert.IsType<TrialProgress>(reader.Read("""{"type":"progress","step":0}"""));
        var e = Assert.Throws<TrialLineException>(() => reader.Read("oops"));
        Assert.Equal("line 4: not JSON: \"oops\"", e.Message);
        Assert.IsType<TrialResult>(reader.Read("""{"type":"result","status":"complete"}"""));
        Assert.Null(reader.Read(""));
        e = Assert.Throws<TrialLineException>(() => reader.Read("""{"type":"progress","step":1}"""));
        Assert.Equal("line 7: output after the result line: \"{\"type\":\"progress\",\"step\":1}\"", e.Message);
    }
}
