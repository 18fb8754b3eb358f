import KGModel

/// Figures: numbers with their classifier or unit (`51.8万人`, `490多万个`, `30%`, `1200亿美元`).
///
/// The mention's range is the number as the third-party suites score it (`二千零四十五` of `二千零四十五个`,
/// `五百多` of `五百多个`); percentages, money and comparatives keep their words (`30%`, `三成`,
/// `36.57亿元`, `超过10万`). The classifier goes to the `unit` attribute and the number with its classifier
/// to the mention's phrase, which names the Figure node. The grammar is in ``NumberScanner``.
struct FigureRule: MentionRule {
    let id = "figure"
    let summary = "Figures: Arabic, Chinese and mixed numbers, ordinals, fractions, percentages, money, ranges"
    var examples: [RuleExample] {
        [
            .positive("截至去年底，全县累计培训高素质农民3.6万人。", "3.6万 = 36000"),
            .positive("该镇共有党员一千二百零七名，其中女党员四百多名。", "一千二百零七 = 1207", "四百多 = 400"),
            .positive("全市两万三千户家庭用上了天然气。", "两万三千 = 23000"),
            .positive("今年上半年，全省粮食播种面积达到1,100.9万亩。", "1,100.9万 = 11009000"),
            .positive("项目总投资4.78万亿元，带动就业十万余人。", "4.78万亿元 = 4780000000000", "十万余 = 100000"),
            .positive("合作社的订单中有三分之一来自外省。", "三分之一 = 0.3333333333333333"),
            .positive("他在比赛中获得第二十名。", "第二十 = 20"),
            .positive("全村农户的参保率达到百分之九十八点五。", "百分之九十八点五 = 98.5"),
            .positive("城镇居民人均可支配收入增长6.2%。", "6.2% = 6.2"),
            .positive("失业率比去年下降了0.3个百分点。", "0.3个百分点 = 0.3"),
            .positive("超过七成的受访企业表示看好市场。", "超过七成 = (70,)"),
            .positive("这批设备的采购价打了八五折。", "八五折 = 85"),
            .positive("公司计划发行债券30亿美元。", "30亿美元 = 3000000000"),
            .positive("每亩地可增收三四百元。", "三四百元 = [300,400]"),
            .positive("参与调查的青年年龄在18至35岁之间。", "在18至35岁之间 = [18,35]"),
            .positive("每户补贴3000至5000元。", "3000至5000元 = [3000,5000]"),
            .positive("当天气温骤降至零下五摄氏度。", "零下五摄氏度 = -5"),
            .positive("会议回顾了党的十九大以来的工作。", "十九 = 19"),
            .positive("壹仟贰佰叁拾肆元整已经到账。", "壹仟贰佰叁拾肆元整 = 1234"),
            .positive("该市地区生产总值首次突破万亿元大关。", "万亿元 = 1000000000000"),
            .positive("每张门票售价港币100元。", "港币100元 = 100"),
            .positive("早市上一斤青菜卖3块5，一根葱两毛五。", "3块5 = 3.5", "两毛五 = 0.25"),
            .positive("这支笔一块五毛五，邮票涨到了八十美分。", "一块五毛五 = 1.55", "八十美分 = 0.8"),
            .positive("全省万余名干部下沉一线。", "万余 = 10000"),
            .positive("铅笔卖2角，橡皮两角五分，矿泉水三块零四，气温跌到负 12度。", "2角 = 0.2", "两角五分 = 0.25", "三块零四 = 3.04", "负 12 = -12"),
            .positive("圆周率约等于三点一四，指数收于二点八七。", "三点一四 = 3.14", "二点八七 = 2.87"),
            .positive("岗位年薪15-25万元/年，实习生月薪3-5k。", "15-25万元 = [150000,250000]", "3-5k = [3000,5000]"),
            .positive("一张票200来块，二十来岁的年轻人占一半。", "200来块 = 200"),
            .positive("注册费为USD 200，会员价150 EUR。", "USD 200 = 200", "150 EUR = 150"),
            .negative("五角大楼发表声明，三角地带局势紧张。", forbidding: "五角 = 0.5", "三角 = 0.3"),
            .negative("他买了一台3块5G模组的样机。", forbidding: "3块5 = 3.5"),
            .negative("腊八节这天，街坊们喝腊八粥。", forbidding: "八 = 8"),
            .negative("不少90后在2023/24赛季成为球队主力。", forbidding: "90 = 90", "2023/24 = 84.33333333333333"),
            .negative("一些同志统一了思想，一致认为要一直抓下去。"),
            .negative("这一年，村里每一户都装上了路灯，下一步还要修另一条路。"),
            .negative("这件事十分重要，千万不要掉以轻心。"),
            .negative("两岸同胞心连心，万一遇到困难要互相帮助。"),
            .negative("他拾起地上的纸屑，收拾好房间后回到了队伍里。"),
            .negative("全国累计选派驻村第一书记。"),
            .negative("G20峰会期间，5G网络覆盖了整个园区。"),
            .negative("2021年6月，中央组织部印发文件。", forbidding: "2021", "2021 = 2021"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let original = text.original, index = text.originalIndex, scalars = text.scalars
        let scanner = NumberScanner(text: scalars, words: context.lexicon.numberWords) { i in original[index[i]] != scalars[i] }
        return scanner.scan().map { match in
            var attributes = match.attributes
            attributes[AttributeKey.kind] = match.kind
            return Mention(type: .figure, range: match.range, value: match.value, attributes: attributes, rule: id, phrase: match.phrase)
        }
    }
}
