using Sweep.SearchSpaces.TrialProtocol;

namespace Sweep.SearchSpaces.Tests.TrialProtocol;

public sealed class ProtocolParserTests
{
    [Theory]
    [InlineData("""{"type":"progress","step":1,"epoch":1,"val_top1":83.2}""", "progress: field 'val_top1' must be a fraction in [0, 1] or null (got 83.2)")]
    [InlineData("""{"type":"progress","step":-1,"epoch":1}""", "progress: field 'step' must be a non-negative integer or null (got -1)")]
    [InlineData("""{"type":"progress","step":1.5,"epoch":1}""", "progress: field 'step' must be a non-negative integer or null (got 1.5)")]
    [InlineData("""{"type":"progress","epoch":1}""", "progress: missing field 'step'")]
    [InlineData("""{"type":"progress","step":1,"epoch":1,"loss":"NaN"}""", "progress: field 'loss' must be a number or null (got \"NaN\")")]
    [InlineData("""{"type":"progress","step":1,"epoch":1,"val_acc":0.5}""", "progress: unknown field 'val_acc' (allowed: type, step, epoch, loss, train_top1, val_top1, samples_per_s, lr, elapsed_s, error)")]
    [InlineData("""{"type":"result","status":"ok"}""", "result: field 'status' must be one of complete, failed, cancelled (got \"ok\")")]
    [InlineData("""{"type":"result"}""", "result: missing field 'status'")]
    [InlineData("""{"type":"result","status":"failed","error":null}""", "result: status failed needs a non-empty 'error'")]
    [InlineData("""{"type":"result","status":"complete","params":-3}""", "result: field 'params' must be a non-negative integer or null (got -3)")]
    [InlineData("""{"type":"metric","value":1}""", "field 'type' must be \"progress\" or \"result\" (got \"metric\")")]
    [InlineData("""{"step":1}""", "missing field 'type'")]
    [InlineData("""[1,2]""", "a protocol line must be a JSON object (got a JSON array)")]
    public void Malformed_lines_are_rejected_with_precise_messages(string line, string message)
    {
        Assert.Equal(message, Assert.Throws<ProtocolFormatException>(() => ProtocolParser.Parse(line)).Message);
        Assert.False(ProtocolParser.TryParse(line, out var record, out var error));
        Assert.Null(record);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Invalid_json_and_duplicate_fields_are_rejected()
    {
        Assert.StartsWith("not valid JSON: ", Assert.Throws<ProtocolFormatException>(() => ProtocolParser.Parse("epoch 3 done")).Message);
        Assert.StartsWith("not valid JSON: ", Assert.Throws<ProtocolFormatException>(
            () => ProtocolParser.Parse("""{"type":"result","status":"complete","status":"failed"}""")).Message);
    }

    [Fact]
    public void A_minimal_line_from_a_user_program_parses_with_nulls()
    {
        Assert.Equal(new ProgressRecord(3, 1, null, null, 0.5, null, null, 0), ProtocolParser.Parse("""{"type":"progress","step":3,"epoch":1,"val_top1":0.5}"""));
        Assert.Equal(new ResultRecord(ResultStatus.Complete, ValTop1: 1), ProtocolParser.Parse("""{"type":"result","status":"complete","val_top1":1}"""));
    }
}
