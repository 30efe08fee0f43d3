namespace Sweep.Trainer.Config;

/// <summary>
/// One <c>key: value</c> read from a config file, dotted key, with where the key and the value start.
/// <see cref="Text"/> is null when the value is not a scalar (<see cref="Shape"/> says what it is) or empty.
/// </summary>
internal sealed record ConfigEntry(string Key, string? Text, string Shape, int KeyLine, int KeyColumn, int Line, int Column);
