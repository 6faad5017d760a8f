using System.Globalization;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Sample;

/// <summary>
/// The synthetic credit applications of the sample pipeline, from the documented model of
/// docs/sample-data.md: how each column is drawn, how <c>default</c> depends on them, the injected
/// bias and the drift of the "current" batch. The same settings give the same bytes everywhere.
/// </summary>
internal static class CreditApplications
{
    /// <summary>The header, in file order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "email", "gender", "age", "marital_status", "region", "employment", "employment_years", "income",
        "home_ownership", "loan_amount", "loan_term", "interest_rate", "purpose", "credit_history_years",
        "open_accounts", "delinquencies", "debt_to_income", "phone_verified", "default",
    ];

    private static readonly string[] Genders = ["female", "male", "nonbinary"];
    private static readonly string[] Maritals = ["single", "married", "divorced", "widowed"];
    private static readonly string[] Regions = ["north", "south", "east", "west", "central"];
    private static readonly string[] Employments = ["employed", "self_employed", "unemployed", "student", "retired"];
    private static readonly string[] Homes = ["rent", "mortgage", "own"];
    private static readonly string[] Purposes = ["car", "home_improvement", "education", "debt_consolidation", "business", "medical", "other"];
    private static readonly int[] Terms = [12, 24, 36, 48, 60];
    private static readonly string[] Domains = ["example.com", "mail.example", "inbox.example"];

    /// <summary>Writes the training table (<paramref name="current"/> false) or the drifted current batch.</summary>
    public static void Write(TextWriter writer, GeneratorSection settings, bool current)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(settings);
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(',', Columns));
        var random = new SampleRandom(current ? settings.Seed + 1 : settings.Seed);
        var rows = current ? settings.CurrentRows : settings.Rows;
        var fields = new string[Columns.Count];
        for (var i = 0; i < rows; i++)
        {
            Fill(fields, random, settings, current, i);
            writer.WriteLine(string.Join(',', fields));
        }
    }

    private static void Fill(string[] f, SampleRandom r, GeneratorSection s, bool current, int index)
    {
        var missing = current ? s.DriftMissing : 0.01;
        var age = Math.Clamp(Math.Round(41 + (13 * r.Normal())), 18, 85);
        var gender = Genders[r.Pick([0.49, 0.49, 0.02])];
        var marital = Maritals[age < 25 ? r.Pick([0.85, 0.13, 0.02, 0]) : r.Pick([0.3, 0.52, 0.14, 0.04])];
        var region = Regions[r.Pick([0.2, 0.25, 0.2, 0.2, 0.15])];
        var employment = Employments[age < 23 ? r.Pick([0.4, 0, 0.1, 0.5, 0]) : age >= 63 ? r.Pick([0.2, 0.05, 0, 0, 0.75]) : r.Pick([0.72, 0.14, 0.08, 0.03, 0.03])];
        var working = employment is "employed" or "self_employed";
        var employmentYears = working ? Math.Floor(r.Uniform(0, Math.Min(age - 18, 40) + 1)) : 0;
        var baseIncome = employment switch { "employed" => 52000, "self_employed" => 58000, "unemployed" => 14000, "student" => 11000, _ => 30000 };
        var income = Math.Max(6000, baseIncome * (1 + (0.012 * (Math.Min(age, 60) - 35))) * (1 + (0.3 * r.Normal())));
        income = Math.Round(income * (current ? 1 + s.DriftIncomeShift : 1) / 100) * 100;
        var home = Homes[age < 30 ? r.Pick([0.7, 0.2, 0.1]) : r.Pick([0.3, 0.45, 0.25])];
        var loan = Math.Round(Math.Min(60000, 1000 + (income * r.Uniform(0.05, 0.6))) / 100) * 100;
        var term = Terms[r.Pick([0.1, 0.2, 0.35, 0.15, 0.2])];
        var purpose = current && r.Chance(s.DriftNewPurpose) ? "crypto" : Purposes[r.Pick([0.22, 0.15, 0.1, 0.3, 0.08, 0.07, 0.08])];
        var history = Math.Floor(r.Uniform(0, age - 17));
        var accounts = 1 + Math.Floor(r.Uniform(0, 12));
        var delinquencies = r.Pick([0.7, 0.15, 0.07, 0.04, 0.025, 0.015]);
        var dti = Math.Round(Math.Clamp(0.28 + (0.12 * r.Normal()), 0, 0.95) * 1000) / 1000;
        var rate = Math.Round((6 + (8 * dti) + (1.2 * delinquencies) + r.Uniform(0, 4)) * 100) / 100;
        var verified = r.Chance(0.8);
        var incomeMissing = r.Chance(missing);
        var yearsMissing = r.Chance(current ? s.DriftMissing : 0.02);

        // The ground truth: log-odds of default, squashed by z/(1+|z|) (no exp, so exact everywhere).
        var z = -1.6
            + (4.0 * (dti - 0.30))
            + (0.45 * delinquencies)
            - (0.6 * (income - 55000) / 25000)
            + (1.5 * ((loan / Math.Max(income, 6000)) - 0.3))
            - (0.05 * (history - 8))
            + (employment == "unemployed" ? 0.35 : 0)
            + (purpose is "business" or "medical" or "crypto" ? 0.25 : 0)
            - (verified ? 0.3 : 0)
            + (gender == "female" ? s.GenderBias : 0)
            + (age < 25 ? s.AgeBias : 0);
        var probability = 0.5 + (0.5 * z / (1 + Math.Abs(z)));
        var defaulted = r.Uniform() < probability;

        var id = (current ? "C" : "A") + index.ToString("D8", CultureInfo.InvariantCulture);
        f[0] = id;
        f[1] = $"applicant{index.ToString(CultureInfo.InvariantCulture)}@{Domains[index % Domains.Length]}";
        f[2] = gender;
        f[3] = Number(age);
        f[4] = marital;
        f[5] = region;
        f[6] = employment;
        f[7] = yearsMissing ? "" : Number(employmentYears);
        f[8] = incomeMissing ? "" : Number(income);
        f[9] = home;
        f[10] = Number(loan);
        f[11] = Number(term);
        f[12] = rate.ToString("0.00", CultureInfo.InvariantCulture);
        f[13] = purpose;
        f[14] = Number(history);
        f[15] = Number(accounts);
        f[16] = Number(delinquencies);
        f[17] = dti.ToString("0.000", CultureInfo.InvariantCulture);
        f[18] = verified ? "true" : "false";
        f[19] = defaulted ? "1" : "0";
    }

    private static string Number(double whole) => whole.ToString("0", CultureInfo.InvariantCulture);
}
