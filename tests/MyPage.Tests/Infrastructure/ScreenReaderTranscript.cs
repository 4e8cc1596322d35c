using System.Text.Json;
using Microsoft.Playwright;

namespace MyPage.Tests.Infrastructure;

// スクリーンリーダーが聞かせること（axe には確かめられない）の書き取り。操作の前に StartAsync（または前の HearAsync）で
// 聞き取りを仕掛け、操作のあとの HearAsync が、聞こえた順の行を返す:
// - フォーカスが移った: 「focus 役割: 名前 | 説明」。役割・名前・説明は Chromium のアクセシビリティツリー（CDP の
//   Accessibility.getPartialAXTree）から。説明は、フォーカスが来たときの aria-describedby の中身（そのあと消えた文も、
//   そのときには読まれている）。名前のない段落や汎用の要素は、読み上げがその中の文を読むので、それを名前にする。
// - ライブリージョン (aria-live、role=status/alert/log) の中身が増えた・変わった、または中身の入ったリージョンが現れた:
//   「polite: 文」「assertive: 文」。role=status と alert は aria-atomic（リージョン全体を読む）。
// 画面が移ったとき（htmx でない送信、JavaScript なし）は、新しい画面で聞こえるもの: フォーカスのある要素と、
// 中身の入ったライブリージョン（読み込みのときに入っていたものも読み上げる読み上げソフトがあるので、数える）。
// 一つの知らせが二度読まれる（フォーカスとライブリージョンの両方）と、行に二度出る。
public sealed class ScreenReaderTranscript : IAsyncDisposable
{
    private readonly IPage page;
    private readonly ICDPSession cdp;

    private ScreenReaderTranscript(IPage page, ICDPSession cdp) => (this.page, this.cdp) = (page, cdp);

    public static async Task<ScreenReaderTranscript> StartAsync(IPage page)
    {
        var transcript = new ScreenReaderTranscript(page, await page.Context.NewCDPSessionAsync(page));
        await transcript.cdp.SendAsync("Accessibility.enable");
        await transcript.ArmAsync();
        return transcript;
    }

    // この操作のあいだに聞こえたこと。読んだら、次の操作のためにもう一度仕掛ける
    public async Task<IReadOnlyList<string>> HearAsync()
    {
        var count = await ValueAsync("window.__heard ? window.__heard.events.length : -1");
        var lines = count.GetInt32() < 0 ? await LoadedPageAsync() : await RecordedAsync(count.GetInt32());
        await ArmAsync();
        return lines;
    }

    // キーボードの人と同じに押す: ボタンへ移り（ここまでは聞き流す）、Enter を押す。聞こえることは HearAsync で
    public async Task PressAsync(ILocator button)
    {
        await button.FocusAsync();
        await HearAsync();
        await page.Keyboard.PressAsync("Enter");
    }

    private async Task<List<string>> RecordedAsync(int count)
    {
        var lines = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var heard = await ValueAsync($"(e => ({{ kind: e.kind, text: e.text, description: e.description, role: e.role }}))(window.__heard.events[{i}])");
            var kind = heard.GetProperty("kind").GetString()!;
            if (kind != "focus")
            {
                lines.Add($"{kind}: {heard.GetProperty("text").GetString()}");
                continue;
            }
            var node = await NodeAsync($"window.__heard.events[{i}].element");
            var said = heard.GetProperty("description");
            lines.Add(FocusLine(
                node?.Role ?? heard.GetProperty("role").GetString()!,
                node?.Name ?? "",
                said.ValueKind == JsonValueKind.String ? said.GetString()! : node?.Description ?? "",
                heard.GetProperty("text").GetString()!));
        }
        return lines;
    }

    // 移った先の画面: フォーカスのある要素（<body> なら読み上げは画面の頭から読むので、行にしない）と、中身の入ったリージョン
    private async Task<List<string>> LoadedPageAsync()
    {
        var lines = new List<string>();
        var focused = await ValueAsync("(e => e && e !== document.body && e !== document.documentElement ? (e.innerText || '').replace(/\\s+/g, ' ').trim() : null)(document.activeElement)");
        if (focused.ValueKind == JsonValueKind.String && await NodeAsync("document.activeElement") is { } node)
            lines.Add(FocusLine(node.Role, node.Name, node.Description, focused.GetString()!));
        var regions = await ValueAsync(Script.Replace("/*BODY*/", "return filledRegions();", StringComparison.Ordinal));
        foreach (var region in regions.EnumerateArray())
            lines.Add($"{region.GetProperty("kind").GetString()}: {region.GetProperty("text").GetString()}");
        return lines;
    }

    private static string FocusLine(string role, string name, string description, string text)
    {
        // 名前のない要素（段落、汎用の要素、role=status など）にフォーカスが来ると、読み上げはその中の文を読む。ランドマークは役割だけ
        if (name.Length == 0 && description.Length == 0 && !Landmarks.Contains(role)) name = text;
        var line = name.Length == 0 ? $"focus {role}" : $"focus {role}: {name}";
        return description.Length == 0 ? line : $"{line} | {description}";
    }

    private static readonly HashSet<string> Landmarks = ["main", "navigation", "banner", "contentinfo", "region", "form", "complementary", "search"];

    private sealed record AxNode(string Role, string Name, string Description);

    // 要素（式の値）の、アクセシビリティツリーでの役割・名前・説明。要素が消えていれば null
    private async Task<AxNode?> NodeAsync(string expression)
    {
        var result = await cdp.SendAsync("Runtime.evaluate", new() { ["expression"] = expression });
        if (result?.GetProperty("result").TryGetProperty("objectId", out var id) != true) return null;
        var connected = await cdp.SendAsync("Runtime.callFunctionOn", new()
        {
            ["objectId"] = id.GetString()!, ["functionDeclaration"] = "function () { return this.isConnected; }", ["returnByValue"] = true,
        });
        if (connected?.GetProperty("result").GetProperty("value").GetBoolean() != true) return null;
        var tree = await cdp.SendAsync("Accessibility.getPartialAXTree", new() { ["objectId"] = id.GetString()!, ["fetchRelatives"] = false });
        var ax = tree!.Value.GetProperty("nodes")[0];
        static string Value(JsonElement node, string property)
            => node.TryGetProperty(property, out var v) && v.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        return new(Value(ax, "role"), Value(ax, "name").Trim(), Value(ax, "description").Trim());
    }

    private Task<JsonElement> ArmAsync() => ValueAsync(Script.Replace("/*BODY*/", "return arm();", StringComparison.Ordinal));

    private async Task<JsonElement> ValueAsync(string expression)
    {
        var result = await cdp.SendAsync("Runtime.evaluate", new() { ["expression"] = expression, ["returnByValue"] = true });
        var value = result!.Value;
        if (value.TryGetProperty("exceptionDetails", out var error)) throw new InvalidOperationException($"書き取りのスクリプトの誤り: {error}");
        return value.GetProperty("result").TryGetProperty("value", out var v) ? v.Clone() : default;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await cdp.SendAsync("Accessibility.disable");
            await cdp.DetachAsync();
        }
        catch (PlaywrightException)
        {
            // ページがもう閉じている
        }
    }

    // 画面の中で聞き取る部分: フォーカスの移動（そのときの説明と文）と、ライブリージョンの変化（MutationObserver）
    private const string Script = """
        (() => {
          const live = '[aria-live],[role=status],[role=alert],[role=log]';
          const words = s => (s || '').replace(/\s+/g, ' ').trim();
          const shown = el => el.isConnected && !el.closest('[hidden],[aria-hidden="true"]') && (!el.checkVisibility || el.checkVisibility());
          const textOf = el => words(el.innerText);
          const politeness = r => r.getAttribute('aria-live') || (r.getAttribute('role') === 'alert' ? 'assertive' : 'polite');
          const atomic = r => (r.getAttribute('aria-atomic') ?? (['status', 'alert'].includes(r.getAttribute('role')) ? 'true' : 'false')) === 'true';
          const regionOf = n => { const el = n.nodeType === 1 ? n : n.parentElement; return el ? el.closest(live) : null; };
          const described = el => {
            const ids = el.getAttribute('aria-describedby');
            if (ids === null) return null;
            return words(ids.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean).map(e => e.innerText || e.textContent).join(' '));
          };
          function filledRegions() {
            return [...document.querySelectorAll(live)]
              .filter(r => politeness(r) !== 'off' && shown(r) && !(r.parentElement && r.parentElement.closest(live)))
              .map(r => ({ kind: politeness(r), text: textOf(r) }))
              .filter(r => r.text);
          }
          function arm() {
            if (window.__heard) { window.__heard.events = []; return true; }
            const heard = window.__heard = { events: [] };
            new MutationObserver(records => {
              const said = new Set(); // リージョン全体を読むものは、一つの変化につき一度
              const say = (region, node) => {
                if (politeness(region) === 'off' || !shown(region)) return;
                if (atomic(region) && said.has(region)) return;
                const text = atomic(region) ? textOf(region) : node.nodeType === 1 ? (shown(node) ? textOf(node) : '') : words(node.textContent);
                if (!text) return;
                said.add(region);
                heard.events.push({ kind: politeness(region), text });
              };
              for (const r of records) {
                const region = regionOf(r.target);
                if (r.type === 'characterData') { if (region) say(region, r.target); continue; }
                if (r.type === 'attributes') { if (region && !r.target.hidden) say(region, r.target); continue; }
                for (const added of r.addedNodes) {
                  if (region) { say(region, added); continue; }
                  if (added.nodeType !== 1) continue;
                  // 中身の入ったリージョンが現れた（差し替えで入ってきた）
                  for (const inner of [added, ...added.querySelectorAll(live)])
                    if (inner.matches(live) && inner.parentElement.closest(live) === null) say(inner, inner);
                }
              }
            }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });
            document.addEventListener('focusin', e => heard.events.push({
              kind: 'focus', element: e.target, role: e.target.getAttribute('role') || e.target.localName,
              description: described(e.target), text: textOf(e.target),
            }), true);
            return true;
          }
          /*BODY*/
        })()
        """;
}
