namespace RelGen.Tests.Models.Reads;

public enum Genre : short
{
    Fiction = 1,
    Poetry = 2,
    Science = 3,
}
