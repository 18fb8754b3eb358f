"""Writes a benchmark corpus of news-style Chinese text as JSON Lines, from sentences written for kgx.

    python3 make_corpus.py OUT.jsonl [--characters N] [--seed S]

Documents of 8 to 20 sentences are drawn from templates filled with names, places, organizations,
documents, dates and figures; ids are distinct and do not sort in reading order (doc:N with N a
permutation), the way a real archive's ids arrive. Same seed, same bytes.
"""
import argparse
import json
import random

ORGS = ["国务院", "民政部", "财政部", "教育部", "国家发展改革委", "生态环境部", "中央组织部", "中国人民银行", "江苏省委",
        "浙江省人民政府", "北京市委宣传部", "上海市发展改革委", "湖南省委组织部", "广东省科技厅", "国家统计局", "全国妇联",
        "中国科学院", "清华大学", "新华社", "中国红十字会", "联合国", "世界卫生组织", "欧盟委员会", "四川省人民政府"]
PERSONS = ["王建国", "李华", "张明远", "刘芳", "陈晓东", "杨志刚", "赵丽华", "黄海涛", "周文斌", "吴春梅", "徐立新", "孙晓燕",
           "马国强", "朱红", "胡建军", "郭秀兰", "林志远", "何平", "高峰", "罗俊"]
TITLES = ["部长", "副部长", "省长", "副省长", "市长", "书记", "主任", "院长", "校长", "总经理", "董事长", "秘书长"]
PLACES = ["北京", "上海", "江苏南京", "浙江杭州", "广东深圳", "四川成都", "湖北武汉", "陕西西安", "福建厦门", "山东青岛",
          "河南郑州", "湖南长沙", "云南昆明", "甘肃兰州", "新疆乌鲁木齐", "西藏拉萨", "黑龙江哈尔滨", "辽宁大连"]
COUNTRIES = ["俄罗斯", "法国", "德国", "日本", "巴西", "南非", "印度尼西亚", "埃及", "哈萨克斯坦", "新西兰"]
DOCS = ["关于加强基层治理的意见", "乡村振兴促进条例", "关于推进社区建设的通知", "数字经济发展规划", "生态保护补偿条例",
        "关于做好就业工作的意见", "城市更新行动方案", "关于深化教育改革的决定", "科技创新三年行动计划", "养老服务体系建设规划"]
EVENTS = ["全国两会", "中国共产党第二十次全国代表大会", "中央经济工作会议", "世界互联网大会", "进博会", "全国科技大会"]
UNITS = ["个村", "名党员", "家企业", "所学校", "个项目", "万人", "亿元", "公里", "个社区", "名志愿者"]

TEMPLATES = [
    "{date}，{org}印发《{doc}》，对{topic}作出部署。",
    "{org}、{org2}联合发布《{doc}》。",
    "{date}，{title_org}{title}{person}来到{place}考察{topic}工作。",
    "{person}指出，要坚持以人民为中心，扎实推进{topic}。",
    "截至{date}，全省已有{n}{unit}完成{topic}任务，占总数的{pct}%。",
    "{org}召开常务会议，研究部署{topic}工作。",
    "国家主席会见了{country}总统，双方就{topic}交换了意见。",
    "{person}在{place}出席{event}并发表讲话。",
    "据{org}统计，{year}年全国{topic}投入{money}亿元，同比增长{pct}%。",
    "{date}，{org}在{place}举行{topic}工作会议，{person}主持会议。",
    "会议强调，各级党组织要把{topic}摆在突出位置，确保各项任务落到实处。",
    "{country}外长{foreign}抵达北京，开始对中国进行为期{days}天的正式访问。",
    "{org}任命{person}为{title}。",
    "近年来，{place}累计建成{n}{unit}，带动{n2}万人就业。",
    "两国签署了《{doc}》等{n3}份合作文件。",
    "{person}致电{country}领导人，祝贺{event}成功召开。",
    "今年{month}月以来，{place}持续推进{topic}，取得明显成效。",
    "本报{place}{month}月{day}日电（记者{person}）{org}日前出台《{doc}》。",
]
TOPICS = ["乡村振兴", "基层治理", "生态环境保护", "科技创新", "民生保障", "就业", "教育改革", "医疗卫生", "安全生产",
          "营商环境", "社区建设", "文化建设", "防汛救灾", "粮食安全", "数字经济"]
FOREIGN = ["拉夫罗夫", "约翰·史密斯", "让·皮埃尔", "安娜·卡列宁娜", "穆罕默德·阿里", "伊万诺夫"]


def sentence(rng):
    year = rng.randint(1998, 2024)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    org, org2 = rng.sample(ORGS, 2)
    return rng.choice(TEMPLATES).format(
        date=rng.choice([f"{year}年{month}月{day}日", f"{year}年{month}月", "今年3月", "去年", f"{month}月{day}日"]),
        org=org, org2=org2, doc=rng.choice(DOCS), topic=rng.choice(TOPICS), title_org=rng.choice(["", "国务院", "江苏省"]),
        title=rng.choice(TITLES), person=rng.choice(PERSONS), place=rng.choice(PLACES), n=rng.randint(2, 5000),
        n2=round(rng.uniform(0.5, 80), 1), n3=rng.randint(2, 30), unit=rng.choice(UNITS), pct=round(rng.uniform(0.1, 99), 1),
        country=rng.choice(COUNTRIES), event=rng.choice(EVENTS), year=year, money=round(rng.uniform(1, 9000), 1),
        foreign=rng.choice(FOREIGN), days=rng.randint(2, 9), month=month, day=day)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--characters", type=int, default=20_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    documents, total = [], 0
    while total < args.characters:
        text = "".join(sentence(rng) for _ in range(rng.randint(8, 20)))
        documents.append(text)
        total += len(text)
    order = list(range(len(documents)))
    rng.shuffle(order)
    with open(args.output, "w", encoding="utf-8") as f:
        for number, text in zip(order, documents):
            f.write(json.dumps({"id": f"doc:{number}", "text": text, "referenceDate": "2024-06-14"}, ensure_ascii=False) + "\n")
    print(f"{args.output}: {len(documents)} documents, {total} characters")


if __name__ == "__main__":
    main()
