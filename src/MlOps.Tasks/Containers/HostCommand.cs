using System.Diagnostics;

namespace MlOps.Tasks.Containers;

/// <summary>Runs a host tool (apt-get, apt-cache, dpkg-deb) that fetches or unpacks base image packages. Never the docker CLI.</summary>
internal static class HostCommand
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="directory"/> and returns its output.</summary>
    /// <exception cref="ContainerException">The tool is missing or failed; the message holds its error output.</exception>
    public static string Run(string file, IEnumerable<string> arguments, string? directory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        try
        {
            using var process = Process.Start(start) ?? throw new ContainerException($"{file} did not start.");
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? output
                : throw new ContainerException($"`{file} {string.Join(' ', start.ArgumentList)}` failed (exit {process.ExitCode}): {error.Result.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ContainerException($"{file} is not installed; the offline base image is built from Debian packages and needs apt and dpkg.", e);
        }
    }
}
