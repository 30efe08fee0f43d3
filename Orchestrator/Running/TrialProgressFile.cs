using Sweep.Contracts.TrialProtocol;
using Sweep.Orchestrator.Hosting;

namespace Sweep.Orchestrator.Running;

/// <summary>
/// A trial's <c>progress.jsonl</c> in its folder: every progress record the runner received, one protocol line each,
/// appended (a retry's lines follow the earlier attempt's). A file that cannot be written costs the file, not the
/// trial: the first failure is kept in <see cref="Error"/> and later lines are dropped.
/// </summary>
internal sealed class TrialProgressFile : IDisposable
{
    public const string FileName = "progress.jsonl";

    private readonly StreamWriter? _stream;
    private readonly ProtocolWriter? _writer;

    private TrialProgressFile(StreamWriter? stream, string? error)
    {
        _stream = stream;
        _writer = stream is null ? null : new ProtocolWriter(stream);
        Error = error;
    }

    /// <summary>Why lines were dropped (the first failure), or null while every line was written.</summary>
    public string? Error { get; private set; }

    /// <summary>Opens the file of the trial for appending, creating it and the trial's folder (owner-only) if need be.</summary>
    public static TrialProgressFile Open(RunnerOptions options, string sweepId, int number)
    {
        var path = FileName;
        try
        {
            path = Path.Combine(options.CreateTrialDirectory(sweepId, number), FileName);
            var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read, UnixCreateMode = SweepHome.OwnerOnly,
            });
            return new TrialProgressFile(new StreamWriter(stream), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new TrialProgressFile(null, $"{path}: {e.Message}");
        }
    }

    public void Append(ProgressRecord record)
    {
        if (_writer is null || Error is not null) return;
        try
        {
            _writer.WriteProgress(record);
        }
        catch (IOException e)
        {
            Error = e.Message;
        }
        catch (ArgumentException)
        {
            // A line the protocol cannot write (no counter, a percentage as accuracy): the reader rejected it already.
        }
    }

    public void Dispose()
    {
        try
        {
            _stream?.Dispose();
        }
        catch (IOException e)
        {
            Error ??= e.Message;
        }
    }
}
