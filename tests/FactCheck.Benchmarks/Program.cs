using BenchmarkDotNet.Running;

namespace FactCheck.Benchmarks;

public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["claims-latency", ..])
        {
            var claims = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
            var operations = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
            await ClaimLatencyScenario.RunAsync(claims, operations);
            return;
        }

        if (args is ["reminder-sweep", ..])
        {
            await ReminderSweepScenario.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
            return;
        }

        if (args is ["public-page", ..])
        {
            Environment.ExitCode = await PublicPageScenario.RunAsync(args[1..]);
            return;
        }

        if (args is ["public-page-breakdown", ..])
        {
            await PublicPageBreakdown.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000);
            return;
        }

        if (args is ["dashboard", ..])
        {
            Environment.ExitCode = await DashboardScenario.RunAsync(args[1..]);
            return;
        }

        if (args is ["load", ..])
        {
            Environment.ExitCode = await LoadScenario.RunAsync(args[1..]);
            return;
        }

        if (args is ["intake-dev", ..])
        {
            IntakeExtractionScenario.RunDevelopment(args[1..]);
            return;
        }

        if (args is ["intake", ..])
        {
            IntakeExtractionScenario.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 101);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
