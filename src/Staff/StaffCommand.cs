using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MyPage.Account;
using MyPage.Data;
using MyPage.IdChange;

namespace MyPage.Staff;

// ハローワークの職員が使うコマンド。`dotnet MyPage.dll staff ...` で、設定されたデータベースに対して動く。
// 終了コード: 0 成功、1 対象が見つからない・作れない、2 引数の誤り。
internal static class StaffCommand
{
    public const string Usage = """
        使い方:
          staff create-seeker --email E [--password-stdin] [--seeker-number N] [--office NAME]
              パスワードは、--password-stdin なら標準入力の1行目から、なければ端末で尋ねる（画面に出さない）
          staff unlock --email E
          staff find-id --seeker-number N
          staff confirm-seeker --email E --seeker-number N --office NAME
          staff change-id --email OLD --new-email NEW
              窓口で本人を確かめたうえで ID(メールアドレス)を変える。ログイン中の端末はすべてログアウトし、
              前と新しいアドレスへ「ID(メールアドレス)変更完了通知」を送る
          staff client-tag --address A
              ログに書かれる接続元のタグ (client=) を、アドレスから求める（IPv6 は /64 ごとに同じタグ）
        """;

    // 値を取らないオプション
    private static readonly string[] Flags = ["password-stdin"];

    public const string PasswordOnCommandLine = "--password は使えません（ps やシェルの履歴に残るため）。--password-stdin で標準入力から渡すか、オプションなしで端末から入力してください。";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length == 0) return Fail(error, "コマンドを指定してください。");
        if (!TryParse(args[1..], out var options, out var problem)) return Fail(error, problem);

        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        try
        {
            return args[0] switch
            {
                "create-seeker" => await CreateSeekerAsync(options, sp, input, output, error),
                "unlock" => await UnlockAsync(options, sp, output, error),
                "find-id" => await FindIdAsync(options, sp, output, error),
                "confirm-seeker" => await ConfirmSeekerAsync(options, sp, output, error),
                "change-id" => await ChangeIdAsync(options, sp, output, error),
                "client-tag" => ClientTag(options, sp, output, error),
                _ => Fail(error, $"知らないコマンドです: {args[0]}"),
            };
        }
        catch (MissingOptionException e)
        {
            return Fail(error, e.Message);
        }
    }

    private static async Task<int> CreateSeekerAsync(Dictionary<string, string> o, IServiceProvider sp, TextReader input, TextWriter output, TextWriter error)
    {
        Allow(o, "email", "password-stdin", "seeker-number", "office");
        var email = LoginId.Normalize(Required(o, "email"));
        if (!MailAddress.IsValid(email)) return Fail(error, "--email がメールアドレスの形ではありません。");
        var password = o.ContainsKey("password-stdin") ? await input.ReadLineAsync() : PromptPassword(input, error);
        if (password is null) return Fail(error, "パスワードを読めませんでした。--password-stdin で標準入力の1行目に渡すか、端末で入力してください。");
        if (PasswordRule.Check(password) is { } passwordProblem) return Fail(error, passwordProblem);

        string? number = null;
        if (o.TryGetValue("seeker-number", out var rawNumber))
        {
            number = SeekerNumber.Normalize(rawNumber);
            if (number is null) return Fail(error, "--seeker-number は 70000-9999999 の形（5桁-7桁）で指定してください。");
        }
        var office = o.TryGetValue("office", out var rawOffice) ? OfficeName.Normalize(rawOffice) : null;
        if (rawOffice is not null && office is null) return Fail(error, OfficeName.Problem);

        var users = sp.GetRequiredService<UserManager<Seeker>>();
        if (await users.FindByNameAsync(email) is not null)
            return Fail(error, $"このID(メールアドレス)の求職者はすでにいます: {email}", 1);
        if (number is not null && await users.Users.AnyAsync(s => s.SeekerNumber == number))
            return Fail(error, $"この求職番号はすでに使われています: {number}", 1);

        var seeker = new Seeker { UserName = email, Email = email, EmailConfirmed = true, SeekerNumber = number, OfficeName = office };
        var result = await users.CreateAsync(seeker, password);
        if (!result.Succeeded) return Fail(error, string.Join(" ", result.Errors.Select(e => e.Description)), 1);
        output.WriteLine($"求職者を作りました: {email}");
        return 0;
    }

    private static async Task<int> UnlockAsync(Dictionary<string, string> o, IServiceProvider sp, TextWriter output, TextWriter error)
    {
        Allow(o, "email");
        var email = LoginId.Normalize(Required(o, "email"));
        if (!MailAddress.IsValid(email)) return Fail(error, "--email がメールアドレスの形ではありません。");
        if (await sp.GetRequiredService<UserManager<Seeker>>().FindByNameAsync(email) is null)
            return Fail(error, $"このID(メールアドレス)の求職者はいません: {email}", 1);
        var cleared = await sp.GetRequiredService<LoginThrottleStore>().ClearAsync(email);
        output.WriteLine(cleared > 0 ? $"ロックと失敗回数を解除しました: {email}" : $"ロックはかかっていません: {email}");
        return 0;
    }

    private static async Task<int> FindIdAsync(Dictionary<string, string> o, IServiceProvider sp, TextWriter output, TextWriter error)
    {
        Allow(o, "seeker-number");
        var number = SeekerNumber.Normalize(Required(o, "seeker-number"));
        if (number is null) return Fail(error, "--seeker-number は 70000-9999999 の形（5桁-7桁）で指定してください。");
        var email = await sp.GetRequiredService<MyPageDb>().Users.AsNoTracking()
            .Where(s => s.SeekerNumber == number).Select(s => s.Email).SingleOrDefaultAsync();
        if (email is null) return Fail(error, $"この求職番号の求職者はいません: {number}", 1);
        output.WriteLine(email);
        return 0;
    }

    // 運用者が、ログの client= のタグから接続元を探すため（ログにアドレスそのものは書かない）
    private static int ClientTag(Dictionary<string, string> o, IServiceProvider sp, TextWriter output, TextWriter error)
    {
        Allow(o, "address");
        if (!System.Net.IPAddress.TryParse(Required(o, "address").Trim(), out var address))
            return Fail(error, "--address は IPv4 か IPv6 のアドレスで指定してください（例 198.51.100.7、2001:db8::1）。");
        var origin = sp.GetRequiredService<Security.RequestOrigins>().Of(address);
        output.WriteLine($"{origin.LogTag} ({origin.Key})");
        return 0;
    }

    // 窓口で本人と求職の申込みを確かめたオンライン登録者に、求職番号と管轄安定所を記録する
    private static async Task<int> ConfirmSeekerAsync(Dictionary<string, string> o, IServiceProvider sp, TextWriter output, TextWriter error)
    {
        Allow(o, "email", "seeker-number", "office");
        var email = LoginId.Normalize(Required(o, "email"));
        var number = SeekerNumber.Normalize(Required(o, "seeker-number"));
        var office = OfficeName.Normalize(Required(o, "office"));
        if (!MailAddress.IsValid(email)) return Fail(error, "--email がメールアドレスの形ではありません。");
        if (number is null) return Fail(error, "--seeker-number は 70000-9999999 の形（5桁-7桁）で指定してください。");
        if (office is null) return Fail(error, OfficeName.Problem);

        var users = sp.GetRequiredService<UserManager<Seeker>>();
        if (await users.FindByNameAsync(email) is not { } seeker) return Fail(error, $"このID(メールアドレス)の求職者はいません: {email}", 1);
        if (seeker.SeekerNumber is not null) return Fail(error, $"この求職者はすでに確認済みです（求職番号 {seeker.SeekerNumber}）。", 1);
        if (await users.Users.AnyAsync(s => s.SeekerNumber == number)) return Fail(error, $"この求職番号はすでに使われています: {number}", 1);
        seeker.SeekerNumber = number;
        seeker.OfficeName = office;
        var result = await users.UpdateAsync(seeker);
        if (!result.Succeeded) return Fail(error, "記録できませんでした。もう一度実行してください。", 1);
        output.WriteLine($"求職番号を記録しました: {email} {number} {office}");
        return 0;
    }

    // 窓口で本人を確かめた求職者の ID(メールアドレス)を変える（前のメールボックスをなくし、マイナポータルとも連携していない人）。
    // 画面での変更と同じ手順 (IdChanges): ほかのセッションなどをすべて終え、両方のアドレスへ通知を送り、監査ログ (1602 by=staff) に残す
    private static async Task<int> ChangeIdAsync(Dictionary<string, string> o, IServiceProvider sp, TextWriter output, TextWriter error)
    {
        Allow(o, "email", "new-email");
        var email = LoginId.Normalize(Required(o, "email"));
        var newEmail = LoginId.Normalize(Required(o, "new-email"));
        if (!MailAddress.IsValid(email)) return Fail(error, "--email がメールアドレスの形ではありません。");
        if (!MailAddress.IsValid(newEmail)) return Fail(error, "--new-email がメールアドレスの形ではありません。");
        if (email == newEmail) return Fail(error, "--email と --new-email が同じです。");

        if (await sp.GetRequiredService<UserManager<Seeker>>().FindByNameAsync(email) is not { } seeker)
            return Fail(error, $"このID(メールアドレス)の求職者はいません: {email}", 1);
        var result = await sp.GetRequiredService<IdChanges>().ChangeAtCounterAsync(seeker, newEmail);
        if (result.Outcome == IdChangeOutcome.AddressTaken)
            return Fail(error, $"このID(メールアドレス)は、ほかの求職者がすでに使っています: {newEmail}", 1);
        if (result.Outcome != IdChangeOutcome.Changed)
            return Fail(error, $"同じときに、この求職者のID(メールアドレス)が変わりました。確かめてから、もう一度実行してください: {email}", 1);
        output.WriteLine($"ID(メールアドレス)を変更しました: {email} → {newEmail}");
        output.WriteLine($"ログイン中のセッション {result.SessionsEnded} 件を終了し、ワンタイムパスワードを待つログイン、省略するブラウザ、未使用の認証キーも無効にしました。");
        output.WriteLine($"「{IdChangeMails.ChangedSubject}」を {email} と {newEmail} に送ります。");
        return 0;
    }

    private static bool TryParse(string[] args, out Dictionary<string, string> options, out string problem)
    {
        options = new(StringComparer.Ordinal);
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            // パスワードは引数では受け取らず、入力されたものを画面にも返さない（--password=値 も）
            if (args[i].StartsWith("--password", StringComparison.Ordinal) && args[i] != "--password-stdin") { problem = PasswordOnCommandLine; return false; }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2) { problem = $"オプションは --名前 値 の形で指定してください: {Shown(args[i])}"; return false; }
            var name = args[i][2..];
            if (name.Contains('=', StringComparison.Ordinal)) { problem = $"オプションと値は空白で区切ってください: --{name[..name.IndexOf('=', StringComparison.Ordinal)]}"; return false; }
            string value;
            if (Flags.Contains(name)) value = "";
            else if (i + 1 >= args.Length) { problem = $"{args[i]} の値がありません。"; return false; }
            else value = args[++i];
            if (!options.TryAdd(name, value)) { problem = $"{args[i]} が二度指定されています。"; return false; }
        }
        return true;
    }

    // 端末で尋ねる: 入力は画面に出さず、二度入れて確かめる。端末でなければ（パイプなど）尋ねない。
    private static string? PromptPassword(TextReader input, TextWriter error)
    {
        if (input != Console.In || Console.IsInputRedirected) return null;
        error.Write("パスワード: ");
        var first = ReadHidden();
        error.Write("パスワード（確認）: ");
        var second = ReadHidden();
        if (first != second)
        {
            error.WriteLine("二つのパスワードが一致しません。");
            return null;
        }
        return first;
    }

    private static string ReadHidden()
    {
        var typed = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }

    // 誤った引数を知らせるときに見せる形（長いものは切る）
    private static string Shown(string arg) => arg.Length > 40 ? arg[..40] + "…" : arg;

    private static void Allow(Dictionary<string, string> o, params string[] names)
    {
        var unknown = o.Keys.FirstOrDefault(k => !names.Contains(k));
        if (unknown is not null) throw new MissingOptionException($"このコマンドでは使えないオプションです: --{unknown}");
    }

    private static string Required(Dictionary<string, string> o, string name)
        => o.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : throw new MissingOptionException($"--{name} を指定してください。");

    private static int Fail(TextWriter error, string message, int code = 2)
    {
        error.WriteLine(message);
        if (code == 2) error.WriteLine(Usage);
        return code;
    }

    private sealed class MissingOptionException(string message) : Exception(message);
}
