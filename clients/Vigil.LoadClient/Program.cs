Console.Error.WriteLine("usage: Vigil.LoadClient --url <silo> --batch <500..1000> [--duration <s>]");
return 2;
