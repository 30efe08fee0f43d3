
namespace Sweep.Grains.Storage;

/// <summary>Fails silo start-up (not the first grain write) when the options are wrong.</summary>
internal sealed class SqliteGrainStorageOptionsValidator(SqliteGrainStorageOptions options, string providerName)
    : IConfigurationValidator
{
    public void ValidateConfiguration() => options.Validate(providerName);
}
