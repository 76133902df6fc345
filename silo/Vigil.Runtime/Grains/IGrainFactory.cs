namespace Vigil.Runtime.Grains;

/// <summary>Hands out references to grains; a reference is cheap and the grain activates on its first call.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;
}
