namespace Vigil.Silo.Hosting;

/// <summary>A setting the silo cannot start with; the message names the key and the value.</summary>
public sealed class SiloConfigurationException(string message, Exception? innerException = null) : Exception(message, innerException);
