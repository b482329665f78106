using RolePlayBot.Llm.Privacy;

namespace RolePlayBot.Llm.Tests.Privacy;

public sealed class PiiDetectorTests
{
    private static string Mask(string text, PiiMaskingOptions? options = null) => new PiiVault(new PiiDetector(options ?? new())).Mask(text);

    [Theory]
    [InlineData("我的手机13800138000", "13800138000", "[MOBILE_1]")]
    [InlineData("电话 138 0013 8000 随时打", "138 0013 8000", "[MOBILE_1]")]
    [InlineData("打 138-0013-8000", "138-0013-8000", "[MOBILE_1]")]
    [InlineData("+86 138 0013 8000", "+86 138 0013 8000", "[MOBILE_1]")]
    [InlineData("手机：＋86１３８００１３８０００", "＋86１３８００１３８０００", "[MOBILE_1]")]
    [InlineData("座机010-62345678转", "010-62345678", "[PHONE_1]")]
    [InlineData("座机(0755) 8888 6666", "(0755) 8888 6666", "[PHONE_1]")]
    [InlineData("热线400-820-8820", "400-820-8820", "[PHONE_1]")]
    [InlineData("call me on +44 20 7946 0958 please", "+44 20 7946 0958", "[PHONE_1]")]
    [InlineData("or (555) 123-4567 after six", "(555) 123-4567", "[PHONE_1]")]
    [InlineData("mail lin.wang+shop@example.com.cn now", "lin.wang+shop@example.com.cn", "[EMAIL_1]")]
    [InlineData("寄到广东省深圳市南山区科技园路88号3栋2单元1201室，谢谢", "广东省深圳市南山区科技园路88号3栋2单元1201室", "[ADDRESS_1]")]
    [InlineData("我住在北京市朝阳区，快点", "北京市朝阳区", "[ADDRESS_1]")]
    [InlineData("送到中山路100号就行", "中山路100号", "[ADDRESS_1]")]
    [InlineData("送到中山路100，谢谢", "中山路100", "[ADDRESS_1]")]
    [InlineData("寄到慈厚北里3号", "慈厚北里3号", "[ADDRESS_1]")]
    [InlineData("就是幸福里小区3栋2单元", "幸福里小区3栋2单元", "[ADDRESS_1]")]
    [InlineData("地址是淮海中路一百号", "淮海中路一百号", "[ADDRESS_1]")]
    [InlineData("Ship it to 221B Baker Street, London please", "221B Baker Street, London", "[ADDRESS_1]")]
    [InlineData("I live at 42 Elm Road Apt 5, thanks", "42 Elm Road Apt 5", "[ADDRESS_1]")]
    [InlineData("I live at 42 elm road, please send it there", "42 elm road", "[ADDRESS_1]")]
    [InlineData("Send it to 12 High Street, London SW1A 1AA today", "12 High Street, London SW1A 1AA", "[ADDRESS_1]")]
    [InlineData("my address is 1600 Pennsylvania Avenue NW, Washington, DC 20500.", "1600 Pennsylvania Avenue NW, Washington, DC 20500", "[ADDRESS_1]")]
    [InlineData("It's Flat 3, 12 High Street, Manchester M1 1AE", "Flat 3, 12 High Street, Manchester M1 1AE", "[ADDRESS_1]")]
    [InlineData("my postcode is EC1A 1BB, thanks", "EC1A 1BB", "[ADDRESS_1]")]
    [InlineData("Call me at 07911 123456 after work", "07911 123456", "[PHONE_1]")]
    [InlineData("订单号2026111803217查一下", "2026111803217", "[ORDER_1]")]
    [InlineData("订单号：TB20240512001", "TB20240512001", "[ORDER_1]")]
    [InlineData("order no. AB-77812X is late", "AB-77812X", "[ORDER_1]")]
    [InlineData("单号是SF1234567890123", "SF1234567890123", "[ORDER_1]")]
    [InlineData("编号 20261118032170 呢", "20261118032170", "[ORDER_1]")]
    [InlineData("京东快递 JDX0198273645，已签收", "JDX0198273645", "[ORDER_1]")]
    [InlineData("身份证110105199003071234核对", "110105199003071234", "[ID_CARD_1]")]
    [InlineData("身份证 11010519900307123X", "11010519900307123X", "[ID_CARD_1]")]
    public void Each_kind_is_masked_and_the_rest_kept(string text, string secret, string placeholder)
    {
        var masked = Mask(text);

        Assert.DoesNotContain(secret, masked, StringComparison.Ordinal);
        Assert.Equal(text.Replace(secret, placeholder, StringComparison.Ordinal), masked);
    }

    [Theory]
    [InlineData("非常抱歉让您收到漏水的水壶，等了这么久一定很着急。已为您安排换货，今天18点前发出，发货后我再提醒您单号。")]
    [InlineData("快递还在路上，3号前一定到，退款¥1299已经提交。")]
    [InlineData("这个城市的郊区配送会慢一点，我们12月3号再联系您")]
    [InlineData("I'm so sorry, the refund of $129.00 was sent on 2026-11-18 at 18:30.")]
    [InlineData("Order status: shipped. Please wait 3 days, order id please?")]
    [InlineData("I waited 3 days for the road trip gift and 2 weeks later the street was still closed.")]
    [InlineData("She ordered 3 black court shoes from a 5 star place, and 2 more from Main Street.")]
    [InlineData("您好 😊👩‍👩‍👧 我知道了，马上处理")]
    [InlineData("您心里一定很着急，真的非常抱歉。")]
    [InlineData("我们店里3天内给您补发，麻烦您重新弄一下地址。")]
    [InlineData("孩子在家里一直等着，心里五味杂陈吧")]
    [InlineData("结果店里11月19日才从东莞仓发货，群里1个小时前也说了。")]
    public void Ordinary_replies_pass_unchanged(string text) => Assert.Equal(text, Mask(text));

    [Fact]
    public void The_same_detail_gets_the_same_placeholder_and_different_details_their_own()
    {
        var vault = new PiiVault(new PiiDetector(new()));

        var first = vault.Mask("手机13800138000，备用13900139000");
        var second = vault.Mask("再确认一次 13800138000");

        Assert.Equal("手机[MOBILE_1]，备用[MOBILE_2]", first);
        Assert.Equal("再确认一次 [MOBILE_1]", second);
        Assert.Equal("打[MOBILE_2]或[MOBILE_1]", vault.Mask("打[MOBILE_2]或[MOBILE_1]"));
        Assert.Equal("打13900139000或13800138000", vault.Unmask("打[MOBILE_2]或[MOBILE_1]"));
    }

    [Fact]
    public void A_text_seen_before_is_masked_afresh_in_each_call_however_many_texts_came_between()
    {
        // One detector serves every call and remembers what it found in a text; each call still numbers its own placeholders.
        var detector = new PiiDetector(new());
        const string prompt = "系统：订单号 A2026112212345，收货地址 浙江省杭州市西湖区文三路100号3单元502室，手机 13800138000。";
        var first = new PiiVault(detector);
        var once = first.Mask(prompt);

        var second = new PiiVault(detector);
        second.Reserve("[ADDRESS_1]");
        var again = second.Mask(prompt);
        foreach (var i in Enumerable.Range(0, PiiDetector.RememberedTexts + 10))
        {
            Assert.Equal($"第{i}位 [MOBILE_1]", new PiiVault(detector).Mask($"第{i}位 1390013{i % 10000:0000}"));
        }

        var third = new PiiVault(detector).Mask(prompt);

        Assert.Equal("系统：订单号 [ORDER_1]，收货地址 [ADDRESS_1]，手机 [MOBILE_1]。", once);
        Assert.Equal("系统：订单号 [ORDER_1]，收货地址 [ADDRESS_2]，手机 [MOBILE_1]。", again);
        Assert.Equal(once, third);
        Assert.Equal(prompt, second.Unmask(again));
    }

    [Fact]
    public void A_placeholder_typed_by_the_trainee_is_never_handed_out()
    {
        var vault = new PiiVault(new PiiDetector(new()));
        vault.Reserve("我写的 [MOBILE_1] 是字面");

        var masked = vault.Mask("我写的 [MOBILE_1] 是字面，真号码13800138000");

        Assert.Equal("我写的 [MOBILE_1] 是字面，真号码[MOBILE_2]", masked);
        Assert.Equal("[MOBILE_1] / 13800138000", vault.Unmask("[MOBILE_1] / [MOBILE_2]"));
    }

    [Fact]
    public void Categories_can_be_switched_off_and_masking_as_a_whole()
    {
        const string text = "手机13800138000，邮箱a@b.cn";

        Assert.Equal("手机13800138000，邮箱[EMAIL_1]", Mask(text, new PiiMaskingOptions { Phones = false }));
        Assert.Equal(text, Mask(text, new PiiMaskingOptions { Enabled = false }));
    }

    [Fact]
    public void A_streamed_placeholder_split_across_chunks_is_restored()
    {
        var vault = new PiiVault(new PiiDetector(new()));
        vault.Mask("我的手机13800138000");
        var stream = new PiiStreamUnmasker(vault);

        var shown = new[] { "好的，打", "[MOB", "ILE", "_1]给", "你。[不是占位符", "] 完" }.Select(stream.Push).ToList();
        shown.Add(stream.Flush());

        Assert.Equal("好的，打13800138000给你。[不是占位符] 完", string.Concat(shown));
        Assert.Equal("好的，打", shown[0]);
        Assert.Equal("", shown[1]);
    }

    [Fact]
    public void Masking_then_restoring_gives_back_exactly_the_original_text()
    {
        string[] fragments =
        [
            "您好", "13800138000", " ", "138 0013 8000", "，", "+44 20 7946 0958", "a@b.cn", "广东省深圳市南山区科技园路88号", "订单号", "TB20240512001",
            "😊", "\u200d", "[", "]", "[MOBILE_", "1]", "2026111803217", "Elm", "42 Elm Road", "\n", "退款¥1299", "110105199003071234", "-", "00",
        ];
        string[] separators = [" ", "，", "\n", "。", ", "];
        var random = new Random(20261122);
        for (var i = 0; i < 2000; i++)
        {
            var text = string.Join(separators[random.Next(separators.Length)], Enumerable.Range(0, random.Next(1, 12)).Select(_ => fragments[random.Next(fragments.Length)]));
            var vault = new PiiVault(new PiiDetector(new()));
            vault.Reserve(text);

            var masked = vault.Mask(text);

            Assert.Equal(text, vault.Unmask(masked));
            Assert.DoesNotContain("13800138000", masked, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Scanning_only_the_stretches_an_address_can_lie_in_finds_what_scanning_the_whole_text_finds()
    {
        // Place words, their parts, numbers and units, the pronouns and particles the pattern excludes, other Chinese,
        // Latin, punctuation and white space: random texts made of these meet every edge of a stretch.
        string[] pieces =
        [
            "省", "市", "区", "县", "镇", "乡", "街道", "自治区", "特别行政区", "路", "街", "大道", "巷", "弄", "胡同", "里", "村", "小区",
            "花园", "公寓", "大厦", "广场", "园区", "号", "号楼", "栋", "单元", "室", "层", "户", "广东", "深圳", "南山", "科技园",
            "中山", "朝阳", "建国", "北京", "上海", "浦东新", "88", "3", "1201", "一", "十二", "〇", "A", "b", "-", " ", "\n", "\t",
            "我", "在", "的", "了", "寄", "到", "住", "这里", "哪里", "知道", "快递", "水壶", "退款", "，", "。", "？", "：", "(", "#",
            "ship to", "Road", "订单", "谢谢", "\u3000", "①", "٣", "个", "天", "月", "心里", "店里",
        ];
        var random = new Random(20261122);
        var texts = new List<string>
        {
            "寄到广东省深圳市南山区科技园路88号3栋2单元1201室，谢谢",
            "我住在北京市朝阳区，快点", "送到中山路100号就行", "这里是上海市浦东新区世纪大道100号A座 12层",
            "地址：浙江省杭州市西湖区文三路 90号\n电话13800138000", "村里的路口 3号", "中山路-100号-2单元",
        };
        for (var i = 0; i < 5000; i++)
        {
            var text = new System.Text.StringBuilder();
            for (var n = random.Next(1, 30); n > 0; n--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            texts.Add(text.ToString());
        }

        var found = 0;
        foreach (var text in texts)
        {
            var whole = PiiDetector.ChineseAddress().Matches(text).Select(m => (m.Index, m.Length)).ToList();
            var stretches = PiiDetector.Matches(PiiKind.Address, PiiDetector.ChineseAddress(), text).Select(s => (s.Start, s.Length)).ToList();
            Assert.True(whole.SequenceEqual(stretches), $"\"{text}\": whole text {string.Join(",", whole)}, stretches {string.Join(",", stretches)}");
            found += whole.Count;
        }

        Assert.True(found > 1000, $"only {found} addresses in the corpus");
    }

    /// <summary>
    /// The course's labelled replies and the customers' lines before them, and every line of the shipped personas: what a
    /// model sees in practice. None holds an address or a phone number, so none may lose a word to those rules (tracking
    /// and order numbers are masked, as they should be).
    /// </summary>
    [Fact]
    public void No_reply_customer_line_or_persona_loses_words_to_the_address_or_phone_rules()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "RolePlayBot.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("RolePlayBot.sln not found");
        }

        var texts = Directory.GetFiles(Path.Combine(root, "tests", "RolePlayBot.Core.Tests", "TestData"), "labelled-replies*.jsonl")
            .SelectMany(File.ReadLines)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .SelectMany(reply => new[] { reply.GetProperty("customer").GetString()!, reply.GetProperty("reply").GetString()! })
            .Concat(Directory.GetFiles(Path.Combine(root, "personas"), "*.md").SelectMany(File.ReadLines))
            .ToList();
        var detector = new PiiDetector(new());

        var wrong = texts.Select(text => (text, spans: detector.Find(text)))
            .Where(t => t.spans.Any(s => s.Kind == PiiKind.Address || s.Kind == PiiKind.Phone || s.Kind == PiiKind.Mobile))
            .Select(t => t.text)
            .ToList();

        Assert.True(texts.Count > 700, $"{texts.Count} texts read");
        Assert.Empty(wrong);
    }
}
