namespace Vigil.Runtime.Grains;

/// <summary>Marker for grain interfaces: every method on a grain interface is a call on a grain.</summary>
public interface IGrain;
