using Sweep.Contracts.TrialProtocol;

namespace Sweep.Contracts.Tests.TrialProtocol;

public sealed class ProtocolReaderTests
{
    [Theory]
    [InlineData("""{"type":"progress","step":1,"epoch":1,"val_top1":83.2}""", "progress: field 'val_top1' must be a fraction in [0, 1] or null (got 83.2)")]
    [InlineData("""{"type":"progress","step":-1,"epoch":1}""", "progress: field 'step' must be a whole number >= 0 or null (got -1)")]
    [InlineData("""{"type":"progress","step":1.5,"epoch":1}""", "progress: field 'step' must be a whole number >= 0 or null (got 1.5)")]
    [InlineData("""{"type":"progress","step":3.0,"epoch":1}""", "progress: field 'step' must be a whole number >= 0 or null (got 3.0)")]
    [InlineData("""{"type":"progress","epoch":1}""", "progress: missing field 'step'")]
    [InlineData("""{"type":"progress","step":1,"epoch":1,"loss":"NaN"}""", "progress: field 'loss' must be a number or null (got \"NaN\")")]
    [InlineData("""{"type":"progress","step":1,"epoch":1,"val_acc":0.5}""", "progress: unknown field 'val_acc' (allowed: type, step, epoch, loss, train_top1, val_top1, samples_per_s, lr, elapsed_s, error)")]
    [InlineData("""{"type":"result","status":"ok"}""", "result: field 'status' must be one of complete, failed, cancelled (got \"ok\")")]
    [InlineData("""{"type":"result","status":"running"}""", "result: field 'status' must be one of complete, failed, cancelled (got \"running\")")]
    [InlineData("""{"type":"result"}""", "result: missing field 'status'")]
    [InlineData("""{"type":"result","status":"failed","error":null}""", "result: status failed needs a non-empty 'error'")]
    [InlineData("""{"type":"result","status":"complete","params":-3}""", "result: field 'params' must be a whole number >= 0 or null (got -3)")]
    [InlineData("""{"type":"result","status":"complete","best_epoch":1.5}""", "result: field 'best_epoch' must be a whole number >= 0 or null (got 1.5)")]
    [InlineData("""{"type":"result","status":"complete","status":"failed"}""", "result: duplicate field 'status'")]
    [InlineData("""{"type":"metric","value":1}""", "field 'type' must be \"progress\" or \"result\" (got \"metric\")")]
    [InlineData("""{"step":1}""", "missing field 'type'")]
    [InlineData("""[1,2]""", "a protocol line must be a JSON object (got a JSON array)")]
    public void Strict_reading_rejects_malformed_lines_with_precise_messages(string line, string message)
    {
        Assert.Equal(message, Assert.Throws<ProtocolFormatException>(() => ProtocolReader.ParseStrict(line)).Message);
        var e = Assert.Throws<ProtocolFormatException>(() => ProtocolReader.Strict().Read(line));
        Assert.Equal(message, e.Reason);
        Assert.StartsWith($"line 1: {message}: \"", e.Message);
    }

    [Fact]
    public void Strict_reading_rejects_text_that_is_not_json()
    {
        Assert.StartsWith("not valid JSON: ", Assert.Throws<ProtocolFormatException>(() => ProtocolReader.ParseStrict("epoch 3 done")).Message);
    }

    [Fact]
    public void A_minimal_line_parses_with_its_fields_only()
    {
        var p = Assert.IsType<ProgressRecord>(ProtocolReader.ParseStrict("""{"type":"progress","step":3,"epoch":1,"val_top1":0.5,"loss":null}"""));
        Assert.Equal((3L, 1L, 0.5, (double?)null), (p.Step, p.Epoch, p.ValTop1, p.Loss));
        Assert.Equal(2, p.Metrics.Count);
        var r = Assert.IsType<ResultRecord>(ProtocolReader.ParseStrict("""{"type":"result","status":"cancelled","val_top1":1,"error":"cancelled by SIGTERM at step 3"}"""));
        Assert.Equal(ResultRecord.Of(TrialState.Cancelled, valTop1: 1, error: "cancelled by SIGTERM at step 3") with
        {
            Metrics = new Dictionary<string, double?> { ["val_top1"] = 1 },
        }, r);
    }

    [Fact]
    public void Tolerant_reading_passes_ordinary_output_by_and_takes_any_metric()
    {
        var reader = ProtocolReader.Tolerant();
        string[] ordinary = ["Epoch 1/8: loss 0.41", "[#####.....] 50%", "{not json", """{"loss": 0.3}""", "[1, 2]", "\"text\"", "", "   "];
        foreach (var line in ordinary) Assert.Null(reader.Read(line));
        var p = Assert.IsType<ProgressRecord>(reader.Read("""{"type":"progress","epoch":3.0,"value":1.5,"name":"x","acc":null}"""));
        Assert.Equal((null, 3L, 1.5), (p.Step, p.Epoch, p.Metric("value")));
        Assert.True(p.Metrics.ContainsKey("acc"));
        Assert.False(p.Metrics.ContainsKey("name"));
        var r = Assert.IsType<ResultRecord>(reader.Read("""{"type":"result","status":"failed","value":2}"""));
        Assert.Equal((TrialState.Failed, (string?)null, 2.0), (r.Status, r.Error, r.Metric("value")));
        Assert.Null(reader.Read("done, bye"));
        Assert.Equal(ordinary.Length + 3, reader.LineNumber);
    }

    [Theory]
    [InlineData("""{"type":"log","text":"hi"}""", "field 'type' must be \"progress\" or \"result\" (got \"log\")")]
    [InlineData("""{"type":"progress","value":1}""", "progress: needs 'step' or 'epoch' (a whole number >= 0)")]
    [InlineData("""{"type":"progress","step":1,"value":1e400}""", "progress: field 'value' must be a finite number or null (got 1e400)")]
    [InlineData("""{"type":"progress","step":1,"step":2}""", "progress: duplicate field 'step'")]
    [InlineData("""{"type":"result","status":"complete","val_top1":1.5}""", "result: field 'val_top1' must be a fraction in [0, 1] or null (got 1.5)")]
    [InlineData("""{"type":"result","status":"done"}""", "result: field 'status' must be one of complete, failed, cancelled (got \"done\")")]
    [InlineData("""{"type":1,"step":1}""", "field 'type' must be \"progress\" or \"result\" (got 1)")]
    [InlineData("""{"type":"Progress","step":1}""", "field 'type' must be \"progress\" or \"result\" (got \"Progress\")")]
    [InlineData("""{"type":"progress","step":null}""", "progress: needs 'step' or 'epoch' (a whole number >= 0)")]
    [InlineData("""{"type":"progress","step":"3"}""", "progress: field 'step' must be a whole number >= 0 or null (got \"3\")")]
    [InlineData("""{"type":"progress","step":1e30}""", "progress: field 'step' must be a whole number >= 0 or null (got 1e30)")]
    [InlineData("""{"type":"result","status":"failed","error":5}""", "result: field 'error' must be a string or null (got 5)")]
    public void Tolerant_reading_still_fails_a_line_that_claims_to_be_protocol(string line, string reason)
    {
        var reader = ProtocolReader.Tolerant();
        Assert.Null(reader.Read("starting"));
        var e = Assert.Throws<ProtocolFormatException>(() => reader.Read(line));
        Assert.Equal(reason, e.Reason);
        Assert.StartsWith($"line 2: {reason}: \"", e.Message);
    }

    [Theory]
    [InlineData("""{"type":"progress","epoch":4,"loss":0.2}""", null, 4L)]
    [InlineData("""{"type":"progress","step":null,"epoch":5}""", null, 5L)]
    [InlineData("""{"type":"progress","step":3.0}""", 3L, null)]
    [InlineData("""  {"type":"progress","step":9007199254740993}  """, 9007199254740993L, null)]
    public void Tolerant_counters_accept_whole_numbers_written_as_floats(string line, long? step, long? epoch)
    {
        var p = Assert.IsType<ProgressRecord>(ProtocolReader.Tolerant().Read(line));
        Assert.Equal((step, epoch), (p.Step, p.Epoch));
    }

    [Fact]
    public void A_protocol_line_after_the_result_is_an_error_but_ordinary_output_is_not()
    {
        var reader = ProtocolReader.Tolerant();
        Assert.NotNull(reader.Read("""{"type":"result","status":"complete","value":1}"""));
        Assert.Null(reader.Read("saved model to out.pt"));
        var e = Assert.Throws<ProtocolFormatException>(() => reader.Read("""{"type":"progress","step":9,"value":1}"""));
        Assert.Equal("a protocol line after the result line", e.Reason);
    }

    [Fact]
    public void A_long_line_is_quoted_on_one_line_and_bounded()
    {
        var line = "{\"type\":\"bad\",\t\"x\":\"" + new string('a', 300) + "\"}";
        var e = Assert.Throws<ProtocolFormatException>(() => ProtocolReader.Tolerant().Read(line));
        Assert.DoesNotContain('\t', e.Message);
        Assert.EndsWith("…\"", e.Message);
        Assert.True(e.Message.Length < 300, e.Message);
    }
}
