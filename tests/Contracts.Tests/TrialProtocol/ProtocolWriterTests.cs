using Sweep.Contracts.TrialProtocol;

namespace Sweep.Contracts.Tests.TrialProtocol;

public sealed class ProtocolWriterTests
{
    private static (ProtocolWriter Writer, StringWriter Text) New()
    {
        var text = new StringWriter();
        return (new ProtocolWriter(text), text);
    }

    [Fact]
    public void Progress_and_result_lines_are_exact_compact_json()
    {
        var (w, text) = New();
        w.WriteProgress(ProgressRecord.Of(120, 3, 0.25, 0.5, 0.375, 1024.5, 1e-3, 12.5));
        w.WriteResult(ResultRecord.Of(TrialState.Complete, 0.375, 0.5, 2, 123456, 1.5e6, 0.625));
        Assert.Equal(
            "{\"type\":\"progress\",\"step\":120,\"epoch\":3,\"loss\":0.25,\"train_top1\":0.5,\"val_top1\":0.375,\"samples_per_s\":1024.5,\"lr\":0.001,\"elapsed_s\":12.5}\n" +
            "{\"type\":\"result\",\"status\":\"complete\",\"val_top1\":0.375,\"best_val_top1\":0.5,\"best_epoch\":2,\"params\":123456,\"sops_per_sample\":1500000,\"val_rgb_top1\":0.625,\"error\":null}\n",
            text.ToString());
    }

    [Fact]
    public void Non_finite_numbers_become_null_with_the_reason_in_error()
    {
        var (w, text) = New();
        w.WriteProgress(ProgressRecord.Of(7, 1, double.NaN, null, null, double.PositiveInfinity, 0.001, 1));
        w.WriteResult(ResultRecord.Of(TrialState.Failed, sopsPerSample: double.NegativeInfinity, error: "loss is NaN at step 7"));
        Assert.Equal(
            "{\"type\":\"progress\",\"step\":7,\"epoch\":1,\"loss\":null,\"train_top1\":null,\"val_top1\":null,\"samples_per_s\":null,\"lr\":0.001,\"elapsed_s\":1,\"error\":\"loss is NaN; samples_per_s is +inf\"}\n" +
            "{\"type\":\"result\",\"status\":\"failed\",\"val_top1\":null,\"best_val_top1\":null,\"best_epoch\":null,\"params\":null,\"sops_per_sample\":null,\"val_rgb_top1\":null,\"error\":\"loss is NaN at step 7; sops_per_sample is -inf\"}\n",
            text.ToString());
        foreach (var line in text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) ProtocolReader.ParseStrict(line);
    }

    [Fact]
    public void Percentages_are_refused_before_anything_is_written()
    {
        var (w, text) = New();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => w.WriteResult(ResultRecord.Of(TrialState.Complete, valTop1: 83.2)));
        Assert.StartsWith("val_top1 must be a fraction in [0, 1] (got 83.2)", e.Message);
        Assert.Equal("", text.ToString());
        Assert.False(w.ResultWritten);
    }

    [Fact]
    public void Nothing_may_follow_the_result_line()
    {
        var (w, text) = New();
        w.WriteResult(ResultRecord.Of(TrialState.Cancelled, error: "cancelled by SIGTERM at step 3"));
        Assert.True(w.ResultWritten);
        Assert.Throws<InvalidOperationException>(() => w.WriteProgress(ProgressRecord.Of(4, 1, 0.1, null, null, null, null, 2)));
        Assert.Throws<InvalidOperationException>(() => w.WriteResult(ResultRecord.Failed("again")));
        Assert.Single(text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Metrics_beyond_our_trainer_fields_follow_them_by_name_and_a_line_needs_a_counter()
    {
        var (w, text) = New();
        w.WriteProgress(new ProgressRecord(null, 2, new Dictionary<string, double?> { ["zeta"] = 1, ["loss"] = 0.5, ["alpha"] = 2 }));
        Assert.Equal("{\"type\":\"progress\",\"epoch\":2,\"loss\":0.5,\"alpha\":2,\"zeta\":1}\n", text.ToString());
        Assert.Throws<ArgumentException>(() => w.WriteProgress(new ProgressRecord(null, null, new Dictionary<string, double?>())));
        Assert.Throws<ArgumentOutOfRangeException>(() => w.WriteResult(ResultRecord.Of(TrialState.Pruned)));
    }

    [Fact]
    public void Written_records_parse_back_equal()
    {
        var (w, text) = New();
        var p = ProgressRecord.Of(5, 1, 2.25, 0.125, null, 300, 0.0005, 0.75);
        var r = ResultRecord.Of(TrialState.Cancelled, 0.25, 0.5, 1, 42, null, null, "cancelled by SIGTERM at step 5");
        w.WriteProgress(p);
        w.WriteResult(r);
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(p, ProtocolReader.ParseStrict(lines[0]));
        Assert.Equal(r, ProtocolReader.ParseStrict(lines[1]));
    }
}
