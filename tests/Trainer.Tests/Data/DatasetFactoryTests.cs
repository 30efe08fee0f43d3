using Sweep.Trainer.Data;

namespace Sweep.Trainer.Tests.Data;

public sealed class DatasetFactoryTests
{
    [Theory]
    [InlineData("dataset.frameSize")]
    [InlineData("dataset.trainFraction")]
    [InlineData("dataset.classes")]
    [InlineData("dataset.root")]
    public void ValidationNamesTheKey(string key)
    {
        var options = key switch
        {
            "dataset.frameSize" => new DatasetOptions { FrameSize = 2 },
            "dataset.trainFraction" => new DatasetOptions { TrainFraction = 0 },
            "dataset.classes" => new DatasetOptions { Classes = 21 },
            _ => new DatasetOptions { Kind = DatasetKind.NCaltech101, Root = "/no/such/folder", RgbRoot = "/tmp" },
        };
        Assert.StartsWith(key + " ", Assert.Throws<ArgumentException>(() => DatasetFactory.Create(options)).Message);
    }

    [Fact]
    public void ParsesKindsAndSamplers()
    {
        Assert.Equal(DatasetKind.CepDvs, DatasetFactory.ParseKind("CEPDVS"));
        Assert.Equal(TrainSampling.ClassBalanced, DatasetFactory.ParseSampler("balanced"));
        Assert.Contains("dataset.kind", Assert.Throws<ArgumentException>(() => DatasetFactory.ParseKind("mnist")).Message);
        Assert.IsType<SyntheticDataset>(DatasetFactory.Create(new DatasetOptions { Classes = 2, SamplesPerClass = 2 }));
        Assert.Equal(TrainSampling.ClassBalanced, new DatasetOptions { Kind = DatasetKind.NCaltech101 }.EffectiveSampler);
    }
}
