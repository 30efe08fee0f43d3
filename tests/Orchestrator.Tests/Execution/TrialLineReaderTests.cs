using Sweep.Orchestrator.Execution;

namespace Sweep.Orchestrator.Tests.Execution;

public sealed class TrialLineReaderTests
{
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
