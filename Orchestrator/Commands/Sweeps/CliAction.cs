using Sweep.Grains.Sweeps;
using Sweep.Orchestrator.Hosting;
using Sweep.SearchSpaces.Specs;

namespace Sweep.Orchestrator.Commands.Sweeps;

/// <summary>
/// Runs a verb and maps failures to the CLI contract: one line on stderr naming the verb, exit 2 for usage and
/// validation errors, 1 for failures at run time. Anything else is a bug of ours: it says so and shows the stack.
/// </summary>
internal static class CliAction
{
    public static async Task<int> RunAsync(string verb, TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (UsageException e) { return Fail(error, verb, e.Message, ExitCodes.Usage); }
        catch (SpecException e) { return Fail(error, verb, e.Message, ExitCodes.Usage); }
        catch (SweepNotFoundException e) { return Fail(error, verb, e.Message, ExitCodes.Usage); }
        catch (FileNotFoundException e) { return Fail(error, verb, e.Message, ExitCodes.Usage); }
        catch (InvalidOperationException e) when (e.GetType() == typeof(InvalidOperationException))
        {
            return Fail(error, verb, e.Message, ExitCodes.Failed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException
                                      or Grains.Storage.StoredStateCorruptedException or Grains.Storage.StorageFullException)
        {
            return Fail(error, verb, e.Message, ExitCodes.Failed);
        }
        catch (Npgsql.NpgsqlException e)
        {
            return Fail(error, verb, $"the cluster database: {(e is Npgsql.PostgresException p ? p.MessageText : e.Message)}", ExitCodes.Failed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error.WriteLine($"sweep {verb}: internal error ({e.GetType().Name}): {e.Message}; please report it with the trace below");
            error.WriteLine(e);
            return ExitCodes.Failed;
        }
    }

    private static int Fail(TextWriter error, string verb, string message, int code)
    {
        error.WriteLine($"sweep {verb}: {message}");
        return code;
    }
}
