"""Language knowledge the matcher needs: intent cues, function words, and a small
English-to-Chinese glossary so English questions meet Chinese facts.

Everything here is general vocabulary of questions and of the saga's domain,
never a phrase keyed to one known question.
"""

from __future__ import annotations

import re

from bot.engine.rules import (
    Cue,
    Gloss,
    IntentCue,
    LazyPattern,
    Phrase,
    RegionalWord,
    Rule,
    SynonymGroup,
    TitleRule,
)
from bot.factbase.models import Intent

# "What does X do", "who is X": asks for the person, says nothing of what about them.
_ROLE_QUESTION = r"(?:是)?(?:做|干|搞)(?:什么|啥|嘛)的|何许人也?|什么人|哪路人|(?:什么|啥)(?:来头|背景)"
# Question phrases whose noun only says what kind of answer is wanted: "在哪些公司做过"
# asks for companies, but an answer naming Instagram never says 公司. Taken out of the
# content words along with the role questions above.
QUESTION_PHRASE = Cue(
    "question_phrase",
    LazyPattern(
        rf"{_ROLE_QUESTION}|[去在跑]?(?:哪|哪些|哪家|哪个|哪间|什么)(?:公司|企业|机构)|[去在跑](?:哪里|哪儿|哪(?!一?[天年]|个?月))(?!些)"
        r"|哪一?[天年]|几月几[日号]|(?:通过|以|用)(?:什么|啥|何种|哪种)(?:方式|形式|途径)"
        r"|(?:现在|目前|如今|最近)?在(?:干|做|搞|忙)(?:什么|啥|嘛)"  # "卡帕西现在在干嘛" asks who he is now
    ),
    "question",
    "a phrase that only says what kind of answer is wanted: taken out of the content words",
    fires_on=("Kevin Weil之前在哪些公司做过?", "卡帕西现在在干嘛", "Mark Chen是做什么的"),
    not_on=("Kevin Weil为什么离开?",),
)
QUESTION_PHRASE_RE = QUESTION_PHRASE.pattern

# "为什么决定离开" asks why he left: 决定 before a move only puts the question, it asks about
# no decision (Leike's "hardest decision" quote says why leaving was hard, not why he left).
LIGHT_VERB = Cue(
    "light_verb",
    LazyPattern(
        r"(?:决定|选择)(?=离开|离职|辞职|辞去|走人|加入|跳槽|出走|退出|投奔|转投|创办|创立|回归|回到)"
    ),
    "question",
    "决定 or 选择 before a move only puts the question: taken out of the content words",
    fires_on=("Leike为什么决定离开OpenAI?",),
    not_on=("董事会为什么做出这个决定?",),
)
LIGHT_VERB_RE = LIGHT_VERB.pattern

# Courtesy around a question ("请问一下", "我想知道", a closing 呀) asks nothing, but it makes a
# question look less like a phrasing written without it; taken off both before comparing.
COURTESY = Cue(
    "courtesy",
    LazyPattern(
        r"^(?:(?:我?想|麻烦)?(?:请问|问)(?:一下)?|我?想知道(?:一下)?|(?:你|您|大家)好|麻烦你?|能不能告诉我|告诉我)+"
        r"|[呀啊呢吧啦哦喔嘛哈]+$"
    ),
    "question",
    "courtesy around a question: taken off before it is compared with phrasings",
    fires_on=("请问一下穆拉蒂什么时候离职", "我想知道奥特曼为什么被解雇", "Ilya去哪了呀"),
    not_on=("穆拉蒂什么时候离职",),
)
COURTESY_RE = COURTESY.pattern

# 几 after a determiner picks out some things (哪几个 which ones, 边几间 Cantonese which ones,
# 这几篇/那几年 these or those few, 好几 several, 第几 an ordinal): it asks no count; 多少/几多 do.
_WHICH_FEW = r"(?<![哪边这那呢嗰好第])"

# Checked in this order; a question may carry several intents ("为什么...什么时候").
INTENT_CUES: tuple[IntentCue, ...] = (
    IntentCue(
        # "Which outlet reported it" asks for a source, not a place or a person (see
        # Matcher.analyse): 哪家媒体 is not 哪家公司.
        Intent.SOURCE,
        LazyPattern(
            r"(?:哪家|哪个|什么|哪些|哪间|边间|边个)(?:媒体|外媒|美媒|报纸|报社|网站|新闻|刊物|杂志|通讯社|记者)"
            r"|谁(?:报道|报导|爆料|曝光|披露|扒出)|(?:消息|信息|新闻)来源|据谁"
            r"|\bwhich (?:outlet|media|newspaper|publication|news)\b|\bwho (?:reported|revealed)\b"
        ),
        fires_on=(
            "哪家媒体报道了这件事?",
            "Which outlet reported it?",
        ),
    ),
    IntentCue(
        Intent.WHY,
        LazyPattern(
            r"(?<![认成作称视改转举命选升评列誉名])为什么(?!样)|为啥|为何|原因|理由|动机|怎么会|何故|点解|\bwhy\b|\breasons?\b|because"
        ),
        fires_on=(
            "穆拉蒂为什么离职?",
            "Why did Murati leave?",
        ),
        not_on=("他被任命为什么职位?",),
    ),
    IntentCue(
        Intent.HOW_MANY,
        LazyPattern(
            rf"多少|{_WHICH_FEW}几(?:个|位|名|人|次)|多久|多长|多大|(?<!几){_WHICH_FEW}几年|几倍|几成|比例|百分之|占比|多高"
            rf"|几多|几分(?![钟之])|几岁|多少岁|年纪|{_WHICH_FEW}几[种门款项条部台块张家间篇份件只则户]"
            r"|\bhow (?:many|much|long|old|big)\b|\bwhat (?:share|percentage|valuation)\b"
        ),
        fires_on=(
            "OpenAI有多少员工?",
            "How many employees does OpenAI have?",
        ),
        not_on=("哪几位高管离职了?", "边几间公司投资了它?", "这几篇文章提到了谁?", "那几年她在哪里?"),
    ),
    IntentCue(
        Intent.WHEN,
        LazyPattern(
            r"什么时候|啥时候|啥时|何时|几几年|哪天|哪一天|哪年|哪一年|几月|几号|哪个月|日期|什么时间|多会儿|几时"
            r"|星期几|礼拜几|周几|哪个星期"
            r"|\bwhen\b|\b(?:what|which) (?:year|date|day|month)\b"
        ),
        fires_on=(
            "穆拉蒂什么时候离职?",
            "When was Altman fired?",
        ),
    ),
    IntentCue(
        Intent.WHO,
        LazyPattern(rf"谁|哪位|哪些人|边个|哪几位|哪几个人|哪几人|哪几名|{_ROLE_QUESTION}|\bwho(?:m|se)?\b"),
        fires_on=(
            "谁接替了McGrew?",
            "Who replaced McGrew?",
        ),
    ),
    IntentCue(
        Intent.WHERE,
        LazyPattern(
            # "他哪里有问题" asks what is wrong with him, not where he is.
            r"(?<!放在|花在|用在)哪(?:里|儿)(?!有?(?:问题|毛病|不对|不好|不妥|做错|出了问题))|去哪|何处|哪所|哪家|哪些公司|哪个公司|哪间|哪国|哪[个座]?城市|哪个国家"
            r"|(?<![放花用])在哪(?!些|一?[天年]|个?(?:月|方面|领域|行业|方向|部分|块|环节))|边度"
            r"|\bwhere\b"
            r"|\bwhich (?:company|companies|school|firm|outlet|investors?)\b"
        ),
        fires_on=(
            "Schulman去了哪里?",
            "Where did Schulman go?",
        ),
        not_on=("钱都花在哪了?", "董事会觉得奥特曼哪里有问题?"),
    ),
    IntentCue(
        Intent.HOW,
        LazyPattern(r"怎么|如何|怎样|咋|评价|看法|回应|反应|态度|点样|什么方式|何种方式|\bhow\b"),
        fires_on=(
            "员工对此如何回应?",
            "How did Microsoft respond?",
        ),
    ),
)

# A how-many question that names its unit wants a figure in that unit, not any figure: an
# age is not answered by a loss in dollars, nor a head count by a share of compute.
# (the question's unit, what an answer in that unit contains)
AMOUNT_UNITS: tuple[Rule, ...] = (
    Rule(
        "age",
        LazyPattern(r"几岁|多少岁|年纪|年龄|今年多大|多大了|\bhow old\b"),
        LazyPattern(r"岁|出生|年龄"),
        reads="answer",
        fires_on=(
            "Altman今年几岁?",
            "How old is Sam Altman?",
        ),
    ),
    Rule(
        "money",
        LazyPattern(r"多少钱|多少美元|\bhow much money\b"),
        LazyPattern(r"美元|元|亿|万"),
        reads="answer",
        fires_on=(
            "那次诈骗损失了多少钱?",
            "How much money did Microsoft invest?",
        ),
    ),
    Rule(
        "people",
        LazyPattern(
            rf"多少人|{_WHICH_FEW}几(?:个人|名|位)|多少名|多少位|\bhow many (?:people|employees|staff)\b"
        ),
        LazyPattern(r"[\d一二两三四五六七八九十百千万几数]\s*多?\s*(?:名|位|个人|人)|人数|用户"),
        reads="answer",
        fires_on=(
            "OpenAI有多少人?",
            "How many employees signed the letter?",
        ),
        not_on=("哪几位高管离职了?",),
    ),
    # a length of time ("六年半", "几个月", "到年底"), not a date ("2015年", "9月26日")
    Rule(
        "duration",
        LazyPattern(r"多久|多长时间|\bhow long\b"),
        LazyPattern(
            r"(?<![\d.])(?:\d{1,3}(?:\.\d+)?|[一二两三四五六七八九十百几数半多]+)\s*[多余整]?\s*"
            r"(?:年|天|周|星期|小时|分钟|个多?(?:月|星期|小时))|年底|年末|为止|至今"
        ),
        reads="answer",
        fires_on=(
            "Altman离开了多久?",
            "How long was Altman gone?",
        ),
        not_on=("Altman什么时候回来的?",),
    ),
    # a number of times ("转发了多少次"), not "再次"
    Rule(
        "times",
        LazyPattern(rf"多少次|{_WHICH_FEW}几次|\bhow many times\b"),
        LazyPattern(r"[\d一二两三四五六七八九十百千万几数]\s*[多余]?\s*次|[两三四五六七八九十]度|\btimes\b"),
        reads="answer",
        fires_on=(
            "这条推文被转发了多少次?",
            "How many times did he resign?",
        ),
        not_on=("他第几次离职?",),
    ),
    # a share ("女性占多少"): a percentage, 九成 or 五分之一, not a head count
    Rule(
        "share",
        LazyPattern(
            r"占多少|占了多少|占几成|几成|多少比例|多大比例|占比|百分之几|\bwhat (?:share|percentage|percent)\b"
        ),
        LazyPattern(r"%|％|百分之|分之|[一二两三四五六七八九十\d]成|percent|比例"),
        reads="answer",
        fires_on=(
            "员工里女性占多少?",
            "What share of revenue comes from ChatGPT?",
        ),
    ),
    # a score in points, not a rank ("排在第六名,得分非常接近")
    Rule(
        "score",
        LazyPattern(r"多少分|几分(?!钟|之)|\bhow many points\b|\bwhat score\b"),
        LazyPattern(r"[\d一二三四五六七八九十百千]\s*分(?![钟之析歧享别])|\d\s*points?\b"),
        reads="answer",
        fires_on=(
            "这个模型考了多少分?",
            "What score did the model get?",
        ),
        not_on=("几分钟就结束了吗?",),
    ),
    # a multiple ("涨了7倍以上"): English "how many times over" asks this, not a count of times
    # (the slots stage keeps the most specific of two units whose cues overlap)
    Rule(
        "multiple",
        LazyPattern(
            r"几倍|多少倍|翻了几|\bhow many times (?:over|more|bigger|larger|higher|as)\b|\bhow many-?fold\b"
            r"|\bwhat multiple\b"
        ),
        LazyPattern(r"倍|翻番|翻了|\b(?:times|fold)\b|\d\s?x\b"),
        reads="answer",
        fires_on=("微软的投资涨了几倍?", "How many times over did the price grow?"),
        not_on=("他离开过几次?",),
    ),
)

# A question that asks for a particular detail is answered only by a fact that states it: a
# salary is not answered by a stake in the company, nor the court by what the suit demands,
# nor a valuation by the size of a round. (what the question asks, what a fact stating it says)
ASKED_DETAILS: tuple[Rule, ...] = (
    Rule(
        "salary",
        LazyPattern(
            r"工资|薪水|薪资|年薪|月薪|薪酬|\bsalary\b|\b(?:get|gets|got|is|was|were|are|be|being) paid\b"
        ),
        LazyPattern(r"薪|工资|报酬|salary"),
        reads="answer and quotes",
        fires_on=(
            "Altman的年薪是多少?",
            "What is Altman's salary?",
        ),
    ),
    Rule(
        "valuation",
        LazyPattern(r"估值|\bvaluation\b|\bvalued\b"),
        LazyPattern(r"估值|valuation|valued"),
        reads="answer and quotes",
        fires_on=(
            "OpenAI现在的估值是多少?",
            "What was OpenAI's valuation?",
        ),
    ),
    # Which court, not a court named in passing ("要求法院宣布…无效" asks what was asked of it).
    Rule(
        "court",
        LazyPattern(r"[哪什]一?[个家间么]?(?:法院|法庭)|(?:法院|法庭)在哪|\b(?:which|what) (?:court\b|法院)"),
        # a court by its name ("加州高等法院"), not "告上法庭", which says only that he sued
        LazyPattern(
            r"[州区市县省国级邦方等院]\s*(?:法院|法庭)|\b(?:district|superior|supreme|federal) court\b"
        ),
        reads="answer and quotes",
        fires_on=(
            "马斯克在哪个法院起诉的?",
            "Which court heard the case?",
        ),
        not_on=("马斯克的诉讼要求法院宣布什么无效?",),
    ),
    Rule(
        "verdict",
        LazyPattern(r"[怎如]么?判|判决结果|判了|判得|\bverdict\b|\bcourt rul(?:e|ed|ing)\b"),
        LazyPattern(r"判决|判处|判定|裁决|verdict|ruled|ruling"),
        reads="answer and quotes",
        fires_on=(
            "这个案子最后怎么判的?",
            "What was the verdict?",
        ),
    ),
    Rule(
        "spouse",
        LazyPattern(r"妻子|老婆|丈夫|老公|太太|配偶|结婚|婚姻|\bmarried\b|\bwife\b|\bhusband\b|\bspouse\b"),
        LazyPattern(r"妻|丈夫|老公|太太|配偶|婚|伴侣|married|wife|husband|spouse"),
        reads="answer and quotes",
        fires_on=(
            "穆拉蒂的丈夫是谁?",
            "Is Altman married?",
        ),
    ),
    Rule(
        "weather",
        LazyPattern(r"天气|下雨|下雪|气温|\bweather\b|\brain\b"),
        LazyPattern(r"天气|雨|雪|气温|weather"),
        reads="answer and quotes",
        fires_on=(
            "旧金山明天会下雨吗?",
            "What's the weather in San Francisco?",
        ),
    ),
    Rule(
        "advisor",
        LazyPattern(r"导师|\badvisor\b|\bsupervisor\b"),
        LazyPattern(r"导师|师从|advisor|supervisor|studied under"),
        reads="answer and quotes",
        fires_on=(
            "伊利亚的博士导师是谁?",
            "Who was Sutskever's advisor?",
        ),
    ),
    Rule(
        "stock",
        LazyPattern(r"股价|股票代码|\bticker\b|\bstock price\b"),
        LazyPattern(r"股价|股票代码|ticker|stock"),
        reads="answer and quotes",
        fires_on=(
            "微软的股价是多少?",
            "What is Microsoft's stock price?",
        ),
    ),
    Rule(
        "parameters",
        LazyPattern(r"参数量|多少参数|\bparameters\b"),
        LazyPattern(r"参数|parameter"),
        reads="answer and quotes",
        fires_on=(
            "GPT-4的参数量是多少?",
            "How many parameters does GPT-4 have?",
        ),
    ),
    Rule(
        "days",
        LazyPattern(r"几天|多少天|\bhow many days\b"),
        LazyPattern(r"[\d一二两三四五六七八九十几数]\s*多?\s*天"),
        reads="answer and quotes",
        fires_on=(
            "希尔当了几天CEO?",
            "How many days was Shear CEO?",
        ),
    ),
    # A city, not a country ("出生在阿尔巴尼亚的哪个城市") nor a company's name.
    Rule(
        "city",
        LazyPattern(r"哪[个座]?城市|哪个市|什么城市|\b(?:which|what) city\b"),
        LazyPattern(
            r"[\u4e00-\u9fff]{1,4}市|旧金山|伯克利|纽约|西雅图|洛杉矶|波士顿|硅谷|伦敦|巴黎|多伦多|北京|上海|东京"
            r"|\b(?:san francisco|berkeley|new york|seattle|london|paris|toronto)\b"
        ),
        reads="answer and quotes",
        fires_on=(
            "穆拉蒂在哪个城市长大?",
            "Which city is OpenAI based in?",
        ),
    ),
    # a weekly figure is not a monthly one
    Rule(
        "weekly",
        LazyPattern(r"每周|周活|\bweekly\b|\bper week\b|\ba week\b"),
        LazyPattern(r"每周|周活|一周|weekly|per week"),
        reads="answer and quotes",
        fires_on=(
            "ChatGPT每周有多少活跃用户?",
            "How many weekly users does ChatGPT have?",
        ),
    ),
    # Personal details people ask of anyone famous; the articles give few of them.
    Rule(
        "residence",
        LazyPattern(r"住在|住哪|居住|定居|\blives?\b|\bliving\b"),
        LazyPattern(r"住|居|\blive"),
        reads="answer and quotes",
        fires_on=(
            "Altman住在哪里?",
            "Where does Altman live?",
        ),
    ),
    Rule(
        "food",
        LazyPattern(r"喜欢吃|爱吃|食物|美食|\bfood\b|\beat\b"),
        LazyPattern(r"吃|食|\bfood\b|\beat"),
        reads="answer and quotes",
        fires_on=(
            "Altman喜欢吃什么?",
            "What food does Altman like?",
        ),
    ),
    Rule(
        "drink",
        LazyPattern(r"喝(?:的|了|什么|啥)|咖啡|饮料|\bdr[iau]nk\b|\bcoffee\b"),
        LazyPattern(r"喝|咖啡|茶|饮|\bdr[iau]nk|\bcoffee"),
        reads="answer and quotes",
        fires_on=(
            "他们见面时喝了什么?",
            "Does Altman drink coffee?",
        ),
    ),
    Rule(
        "religion",
        LazyPattern(r"宗教|信仰|信什么教|\breligio"),
        LazyPattern(r"宗教|信仰|教徒|religio"),
        reads="answer and quotes",
        fires_on=(
            "Altman有宗教信仰吗?",
            "What religion is Altman?",
        ),
    ),
    Rule(
        "books_films_music",
        LazyPattern(
            r"(?:喜欢|最爱|爱看|推荐|看过|读过)[^,，。?？]{0,4}书|什么书|哪本书|书单|\bbooks?\b|电影|\bmovies?\b|\bfilms?\b|音乐|歌手|\bmusic\b"
        ),
        LazyPattern(r"(?<![读念教])书(?!记|长)|\bbook|电影|影片|\bmovie|\bfilm|音乐|歌|\bmusic|\bsong"),
        reads="answer and quotes",
        fires_on=(
            "Mark Chen最喜欢的书是什么?",
            "What movies does Altman like?",
        ),
    ),
    Rule(
        "hobby",
        LazyPattern(r"爱好|兴趣爱好|业余|\bhobb"),
        LazyPattern(r"爱好|兴趣|业余|\bhobb"),
        reads="answer and quotes",
        fires_on=(
            "Brockman有什么爱好?",
            "What are Brockman's hobbies?",
        ),
    ),
    Rule(
        "children",
        LazyPattern(r"孩子|小孩|子女|儿子|女儿|\bkids?\b|\bchildren\b|\bson\b|\bdaughter"),
        LazyPattern(r"孩子|子女|儿|女儿|\bkid|\bchild|\bson\b|\bdaughter"),
        reads="answer and quotes",
        fires_on=(
            "Altman有孩子吗?",
            "Does Altman have kids?",
        ),
    ),
    Rule(
        "body",
        LazyPattern(
            r"身高|体重|个子|星座|血型|谁更高|谁比较高|^(?!.*(?:估值|价|收入|营收|比例|分数|排名|融资|薪|评价|地位|期望|要求)).*有多高$|\bheight\b|\btall(?:er)?\b"
        ),
        LazyPattern(r"身高|体重|米|公斤|星座|血型|\bheight\b|\btall\b"),
        reads="answer and quotes",
        fires_on=(
            "布罗克曼个子有多高?",
            "How tall is Altman?",
        ),
        not_on=("OpenAI的估值有多高?",),
    ),
    # a spoken language, not a programming one ("伊利亚会说几种语言")
    Rule(
        "spoken_language",
        LazyPattern(
            r"[说讲]\S{0,3}(?:几|哪|什么)\S{0,2}语言|几种语言|\blanguages? (?:does|do|did|can) \w+ speak"
        ),
        LazyPattern(r"[英法德俄日韩中汉阿]语|\bspeaks?\b"),
        reads="answer and quotes",
        fires_on=(
            "伊利亚会说几种语言?",
            "What languages does Ilya speak?",
        ),
        not_on=("那个程序是用什么语言写的?",),
    ),
    # which programming language something is written in: one named ("自己写个程序语言" names
    # none, though it answers what he wrote)
    Rule(
        "programming_language",
        LazyPattern(
            r"用(?:什么|哪种|哪一种|哪个|啥)(?:编程|程序)?语言|\b(?:which|what) programming language"
        ),
        LazyPattern(
            r"\b(?:python|java|javascript|lua|matlab|lisp|fortran|rust|haskell|julia|c\+\+|go)\b",
            re.IGNORECASE,
        ),
        reads="answer and quotes",
        fires_on=(
            "那个程序是用什么语言写的?",
            "Which programming language was it written in?",
        ),
    ),
    # how someone felt or stood: a fact reporting a stance, not the event it was about
    # ("董事会正在与奥尔特曼讨论让他重返CEO岗位" says nothing of how he felt about it)
    Rule(
        "stance",
        LazyPattern(r"态度|心情|感受|心态|\bhow did \w+ feel\b|\battitude\b"),
        LazyPattern(
            r"感到|觉得|认为|态度|心情|感受|心态|希望|想要|表示|称|说|矛盾|不满|担心|担忧|满意|开心|高兴|失望|愤怒"
            r"|生气|震惊|惊讶|支持|反对|拒绝|同意|欢迎|后悔|遗憾|感谢|感激|骄傲|兴奋|难过|伤心|怒|不确定|犹豫|纠结"
        ),
        reads="answer and quotes",
        fires_on=(
            "奥特曼回来时是什么心情?",
            "What was Sequoia's attitude?",
        ),
    ),
    # what someone wore ("他在意大利的一次活动上刻意淡化事件" says where he spoke, not in what)
    Rule(
        "clothing",
        LazyPattern(r"穿(?:了|着)?(?:什么|啥)|衣服|服装|穿搭|\bwear(?:ing)?\b|\bwore\b|\boutfit"),
        LazyPattern(r"穿|衣|服装|\bwear|\bwore\b|\boutfit|\bsuit\b|\bdress"),
        reads="answer and quotes",
        fires_on=(
            "奥特曼在活动上穿了什么?",
            "What did Altman wear?",
        ),
    ),
    # what a bet was for, not that there was one ("员工还在打赌能引来多少用户")
    Rule(
        "stakes",
        LazyPattern(r"赌注|彩头|赌(?:的是)?(?:什么|啥)|\bthe stakes\b|\bwager"),
        LazyPattern(r"赌注|彩头|输的人|赢的人|\bstakes\b|\bwager"),
        reads="answer and quotes",
        fires_on=(
            "员工打赌赌的是什么?",
            "What were the stakes of the bet?",
        ),
    ),
    # which wood, not that a statue was wooden ("木雕像")
    Rule(
        "wood",
        LazyPattern(r"(?:什么|哪种|哪一种|啥)(?:木头|木材|木料)|\bwhat (?:kind of )?wood\b"),
        LazyPattern(r"[橡松杉柚桦檀楠柏榉枫]木|胡桃木|\b(?:oak|pine|cedar|walnut|teak)\b"),
        reads="answer and quotes",
        fires_on=(
            "雕像是用什么木头做的?",
            "What kind of wood was the effigy made of?",
        ),
    ),
    # who chairs a board: a fact naming someone else in the story does not say who
    Rule(
        "chair",
        LazyPattern(r"董事长|主席|\bchair(?:man|woman|person)?\b"),
        LazyPattern(r"董事长|主席|\bchair"),
        reads="answer and quotes",
        fires_on=(
            "OpenAI的董事长是谁?",
            "Who is the chairman of the board?",
        ),
    ),
    # a partner not (yet) a spouse: "他对象是谁" asks whom he is with. 对象 is mostly an object
    # (竞争对象, 采访对象, 汇报对象), so only a person's 对象 asked at the question's end is one:
    # 他/她, a Latin name, or a name + 的, then 对象是谁 / 叫什么 (the key has no end punctuation).
    Rule(
        "partner",
        LazyPattern(
            r"(?:他的?|她的?|\bta的?|[a-z]的?|[\u4e00-\u9fff]的)对象(?:是谁|是哪位|叫什么(?:名字)?)(?:啊|呀|呢)?$"
            r"|男朋友|女朋友|男友|女友|伴侣|\b(?:boyfriend|girlfriend)\b"
        ),
        LazyPattern(
            r"妻|丈夫|老公|太太|配偶|婚|伴侣|男友|女友|男朋友|女朋友|恋|married|wife|husband|partner"
        ),
        reads="answer and quotes",
        fires_on=(
            "Brockman的对象是谁?",
            "奥特曼他对象是谁",
            "穆拉蒂的对象叫什么名字?",
            "Does Murati have a boyfriend?",
        ),
        not_on=(
            "Murati的汇报对象是谁?",
            "OpenAI的竞争对象是谁？",
            "这篇报道的采访对象是谁？",
        ),
    ),
)

# A question about someone's title ("穆拉蒂在OpenAI是什么职位", "What is McGrew's title?") is
# answered only by a fact that gives that person a title: a title set before their name
# ("首席研究官Bob McGrew") or one they were given ("晋升为首席技术官"), not "扮演的重要角色".
TITLE_ASKED_CUE = Cue(
    "title_asked",
    LazyPattern(
        r"职位|职务|职称|头衔|官职|岗位|什么职|\b(?:job )?titles?\b|\bposition\b"
        r"|(?:做|干|搞)(?:什么|啥)(?:工作)?的|负责(?:什么|啥|哪一?[块部方个]|哪些)"
    ),
    "question",
    "asks someone's title: the gives_title check wants a fact that gives them one",
    fires_on=("穆拉蒂在OpenAI是什么职位?", "What is McGrew's title?", "Zoph在OpenAI负责哪一块?"),
    not_on=("穆拉蒂什么时候离职?",),
)
TITLE_ASKED = TITLE_ASKED_CUE.pattern
TITLE_WORD = (
    r"首席[^\s,，。;；]{0,6}?官|首席科学家|总裁|(?<![a-z])c[a-z]o(?![a-z])|董事长|主席|负责人|总监|主管"
    r"|经理|研究员|科学家|工程师|创始人"
)
TITLE_GIVEN = r"是|担任|出任|晋升为|升任|升为|成为|任命为|接任|改任|兼任"

# A question that asks how something ended ("最后有没有答应", "到底有没有真的给") is not answered
# by a fact that reports it still open: talks, hopes, plans. (the question's cue, a fact's)
OUTCOME_ASKED_CUE = Cue(
    "outcome_asked",
    LazyPattern(
        r"最[后终](?:是否|有没有|到底|真的|是怎么回|怎么回|答应|同意|接受)|到底有没有|有没有真的"
        r"|\b(?:in the end|eventually|ultimately)\b"
    ),
    "question",
    "asks how something ended: the outcome_settled check",
    fires_on=("微软最后有没有答应?", "马斯克到底有没有真的给钱?"),
    not_on=("微软有没有投资OpenAI?",),
)
OUTCOME_ASKED = OUTCOME_ASKED_CUE.pattern
STILL_OPEN_CUE = Cue(
    "still_open",
    LazyPattern(r"讨论|希望|计划|寻求|洽谈|传出|可能|或将|考虑|打算|试图|若(?!干)|如果|假如|倘若"),
    "answer",
    "a fact that reports talks, hopes, plans or an if: it does not say how something ended",
    fires_on=("董事会正在与奥尔特曼讨论让他重返CEO岗位",),
    not_on=("奥尔特曼重返OpenAI担任CEO", "若干名员工离职"),
)
STILL_OPEN = STILL_OPEN_CUE.pattern

# A when-question that asks for the day ("哪一天", "几号") is not answered by a month or a year.
# (the question's cue, what an answer giving a day contains)
DAY_ASKED_CUE = Cue(
    "day_asked",
    LazyPattern(
        r"哪一?天|几号|几月几[日号]|哪个?日子|星期几|礼拜几|周几|\b(?:what|which) (?:date|day)\b|\bon what day\b"
    ),
    "question",
    "a when-question asking for the day: a month or a year does not answer it",
    fires_on=("OpenAI是在哪一天解雇奥特曼的?", "On what day was Altman fired?"),
    not_on=("OpenAI是哪一年成立的?",),
)
DAY_ASKED = DAY_ASKED_CUE.pattern
DAY_STATED_CUE = Cue(
    "day_stated",
    LazyPattern(
        r"\d{1,2}[日号]|[一二三四五六七八九十]+[日号]|周[一二三四五六日末]|星期|当天|同一天|同日|昨天|今天|次日|第二天"
    ),
    "answer",
    "an answer that gives a day",
    fires_on=("2023年11月17日,OpenAI董事会解雇了奥特曼", "次日,他宣布加入微软"),
    not_on=("2024年5月,Ilya宣布离开",),
)
DAY_STATED = DAY_STATED_CUE.pattern

# Interjections typed in Latin letters, however drawn out ("hmmm", "ummm", "hahaha", "loool",
# "ahhh"): they ask nothing and name no one, so they are no content word and no foreign name.
# Whole words only: "um" in "human", "ha" in "Hamas" are none.
INTERJECTION_CUE = Cue(
    "interjection",
    LazyPattern(r"\b(?:h+m+|u+m+|e+m+|m{2,}|a+h+|o+h+|e+h+|(?:h+a+)+h*|(?:h+e+)+h*|l+o+l+|x+d+)\b"),
    reads="question",
    doc="a Latin-letter interjection (hmm, umm, hahaha, lol): no content word, no foreign name",
    fires_on=("hmmm who runs openai now", "hahaha why did Sam get fired", "ummm 穆拉蒂去哪了"),
    not_on=("Who heads human resources?", "Is Hamas in the story?", "What did Altman say about humanity?"),
)
INTERJECTION = INTERJECTION_CUE.pattern

# The single-pattern cues above, for the rule catalogue (docs/rules.md) and its tests.
CUES: tuple[Cue, ...] = (
    INTERJECTION_CUE,
    QUESTION_PHRASE,
    LIGHT_VERB,
    COURTESY,
    TITLE_ASKED_CUE,
    OUTCOME_ASKED_CUE,
    STILL_OPEN_CUE,
    DAY_ASKED_CUE,
    DAY_STATED_CUE,
)

# Titles a question may ask of an organisation ("亚马逊的创始人是谁", "苹果的CEO是谁"), each with
# what a fact must say next to that organisation's name to state who holds it: Shear being a
# founder of Twitch, "亚马逊旗下直播平台Twitch的联合创始人", says nothing of Amazon's founder.
# (the title in a question, the title in a fact, verbs that state it before the name; (?!)
# matches nothing: no verb states a CTO)
ORG_TITLES: tuple[TitleRule, ...] = (
    TitleRule(
        "founder",
        r"创始人|创办人|创办者|创立者|创建者|创建人|founders?|co-?founders?",
        r"创始人|创办人|创始成员|founder",
        r"创立|创办|创建|成立",
        fires_on=(
            "亚马逊的创始人是谁?",
            "谁创办了Anthropic?",
        ),
        not_on=("OpenAI的创始人是谁?", "马斯克是创始人吗?"),
    ),
    TitleRule(
        "ceo",
        r"ceo|首席执行官|执行长|行政总裁|掌门人?|一把手",
        r"ceo|首席执行官|执行长|行政总裁",
        r"执掌|领导|掌舵",
        fires_on=(
            "微软的CEO是谁?",
            "Anthropic的首席执行官是谁?",
        ),
        not_on=("OpenAI的CEO是谁?",),
    ),
    TitleRule(
        "cto",
        r"cto|首席技术官|技术长",
        r"cto|首席技术官|技术长",
        r"(?!)",
        fires_on=("微软的CTO是谁?",),
        not_on=("穆拉蒂是CTO吗?",),
    ),
    TitleRule(
        "president",
        r"总裁|president",
        r"(?<!副)总裁|president",
        r"(?!)",
        fires_on=("微软的总裁是谁?",),
        not_on=("微软的副总裁是谁?",),
    ),
    TitleRule(
        "chair",
        r"董事长|董事会主席|chairman",
        r"董事长|主席|chairman",
        r"(?!)",
        fires_on=("微软的董事长是谁?",),
        not_on=("OpenAI董事会主席是谁?",),
    ),
)

# Function words and question scaffolding, removed before content tokens are taken.
# Plain word lists, not named rules: a word here does one thing, it is not a content word, so it
# neither counts toward a fact's coverage nor makes a question look novel. What a question word
# asks is read before they are dropped, by the intent cues, slots and frames (INTENT_CUES, the
# rules above); a word belongs here when it says nothing a fact could be found by ("的", "请问",
# "到底", "那位", "离谱"). Listed in docs/rules.md.
# fmt: off
CJK_STOP = frozenset(
    {
        # colloquial and Cantonese question words and particles
        "干嘛", "干啥", "干什么", "做什么", "搞什么", "点解", "咗", "嘅", "系", "喺", "边度", "边个", "几多", "乜嘢", "咩", "点样", "嗰", "啦", "咯", "呢个", "几时",
        "与", "个", "中", "为", "么", "之", "也", "了", "从", "他", "以", "们", "会", "你", "其", "到", "前",
        "去", "又", "及", "后", "吗", "吧", "呀", "呢", "咋", "和", "哪", "啊", "啥", "嘛", "在", "地", "她", "它",
        "对", "就", "得", "想", "我", "把", "时", "是", "有", "来", "用", "的", "着", "给", "能", "被", "要", "让",
        "该", "请", "谁", "跟", "过", "还", "这", "那", "都", "里", "一下", "一个", "一些", "一起", "为何", "为啥",
        "之前", "之后", "什么", "他们", "以前", "以后", "但是", "何时", "你们", "其他", "几个", "几位", "几号", "几月", "出来",
        "到底", "可以", "后来", "哪个", "哪些", "哪位", "哪儿", "哪国", "哪天", "哪家", "哪年", "哪所", "哪里", "因为", "多少",
        "如何", "已经", "当时", "怎么", "怎样", "我们", "所以", "时候", "是否", "曾经", "最后", "现在", "的话", "目前", "究竟",
        "而且", "自己", "本人", "请问", "起来", "这个", "那个", "为什么", "什么样", "其他人", "告诉我", "哪一天", "哪一年", "啥时候", "怎么样",
        "想知道", "是不是", "有没有", "知道吗", "能不能", "什么时候", "什么时间", "我想知道",
        # how-much and which-day question words: what they ask is the intent, not content
        "几", "多久", "多长", "多长时间", "几成", "几次", "几倍", "星期几", "礼拜几", "周几",
        # do-verbs that carry no topic: "要做什么", "干了啥"
        "做", "搞", "那天", "之间", "那次", "事", "回事", "怎么回事",
        # determiners: "那位联合创始人" is about the co-founder
        "那位", "这位", "那批", "这批", "那些", "这些", "那名", "这名", "那件", "这件", "那件事", "这件事",
        "关于", "对于", "有关", "那边", "这边",
        # exclamations of chat that react to the question and ask nothing: "离谱 😂"
        "离谱", "太离谱", "卧槽", "我靠", "绝了", "无语", "来着",
    }
)
# fmt: on
# Longest first so 什么时候 goes before 什么 (used to skip question words in name windows).
CJK_STOP_RE = LazyPattern("|".join(map(re.escape, sorted(CJK_STOP, key=len, reverse=True))))

# English function words, dropped like CJK_STOP (English domain words are in EN_GLOSSARY; a word
# in neither is kept as written: a name, or a word the question's novelty counts). Also used to
# tell a name from an ordinary word: an EN_STOP word is never taken for a misspelt name.
EN_STOP = frozenset(
    """
    a about after also an and are as at be been before being big by can could did do does during for
    from get got had has have he her here him his how i in into is it its just know latest like long
    made make many may me might much must my no not now of on once or our out over please recent s said
    say shall she should so still t tell than that the their them then there these they this those
    to up want was we were what when where which who whom whose why will with would yes you your
    according article articles reportedly allegedly apparently besides lol lmao haha hhh hh omg btw pls plz thx wtf xd emm ok okay yyds orz nb
    whats guy guys dude mentioned
    """.split()
)

# English phrases whose words mean something else alone: "on leave" is 休假, not 离开.
# Replaced in a question, in this order, before its words are looked up in EN_GLOSSARY.
EN_PHRASES: tuple[Phrase, ...] = (
    Phrase(
        "on_leave",
        LazyPattern(
            r"\b(?:on|taking|take|takes|took|a) (?:an? )?(?:long |extended )?leave\b|\bleave of absence\b"
        ),
        " vacation ",
        fires_on=("Is Brockman on leave?", "How long is Greg Brockman's leave of absence?"),
        not_on=("Why did Murati leave OpenAI?",),
    ),
    Phrase(
        # "old" after an owner or "the" is earlier, not an age ("his old team", "the old
        # board"): dropped, as "former" would read as a title's 前.
        "old_earlier",
        LazyPattern(r"\b(his|her|their|my|our|its|the|your) old\b"),
        r" \1 ",
        fires_on=("What did Leike tell his old team?",),
        not_on=("How old was Karpathy when he joined?",),
    ),
    Phrase(
        "bad_terms",
        LazyPattern(r"\bon (?:bad|poor|bitter|sour|hostile) terms\b"),
        " 闹翻 ",
        fires_on=("Did Karpathy part on bitter terms with Tesla?",),
        not_on=("What were the terms of Microsoft's deal?",),
    ),
    Phrase(
        "llm",
        LazyPattern(r"\blarge language models?\b|\bllms?\b"),
        " 大语言模型 ",
        fires_on=("Which large language model did OpenAI release?", "Who builds the best LLMs?"),
    ),
    Phrase(
        "equity_stake",
        LazyPattern(r"\bequity stake\b"),
        " 股权 ",
        fires_on=("Will Altman get an equity stake?",),
    ),
    Phrase(
        "swan_song",
        LazyPattern(r"\b(?:final|last|farewell) (?:project|work|release)\b|\bswan song\b"),
        " 收官之作 ",
        fires_on=("What was Murati's final project at OpenAI?",),
    ),
    Phrase(
        "how_large", LazyPattern(r"\bhow large\b"), " how much ", fires_on=("How large are OpenAI's losses?",)
    ),
    Phrase(
        "pushed_out",
        LazyPattern(r"\b(?:pushed|forced|kicked|thrown) out\b"),
        " 罢免 ",
        fires_on=("Was Altman pushed out by the board?", "Why was Sam kicked out?"),
    ),
    Phrase(
        "right_after",
        LazyPattern(r"\bright (?:after|away)\b"),
        " after ",
        fires_on=("What did Altman do right after he was fired?",),
    ),
    # "What is Karpathy up to these days" is "卡帕西现在在干嘛": who he is now
    Phrase(
        "doing_now",
        LazyPattern(
            r"\bwhat(?: is|'s| are| has)? ([^?]{1,30}?) (?:doing|up to|been up to|been doing)\b"
            r"(?: (?:now|these days|nowadays|lately|at the moment|right now))?"
        ),
        r" \1 现在在干嘛 ",
        fires_on=("What is Karpathy up to these days?", "What's Ilya doing now?"),
    ),
    Phrase(
        "now",
        LazyPattern(r"\bright now\b|\bcurrently\b|\bthese days\b|\bat the moment\b"),
        " 目前 ",
        fires_on=("Who is OpenAI's CTO currently?", "Who leads research at OpenAI right now?"),
    ),
    # not 副 + 总裁: a vice president is no president
    Phrase(
        "senior_vice_president",
        LazyPattern(r"\bsenior vice president\b"),
        " svp ",
        fires_on=("Who is the senior vice president of research?",),
    ),
    Phrase(
        "vice_president",
        LazyPattern(r"\bvice president\b"),
        " 副总裁 ",
        fires_on=("Who is OpenAI's vice president of product?",),
        not_on=("Who is the senior vice president of research?",),
    ),
    Phrase(
        "product_manager",
        LazyPattern(r"\bproduct managers?\b"),
        " 产品经理 ",
        fires_on=("Who was the product manager for ChatGPT?",),
    ),
    # "bringing him into OpenAI": 让他进入公司
    Phrase(
        "bring_in",
        LazyPattern(r"\b(?:bring|brings|bringing|brought)\b(?: \w+)? (?:in|into|on)\b"),
        " 进入 ",
        fires_on=("Who brought Murati into OpenAI?",),
    ),
    # Idioms of casual English, to the words the articles use.
    Phrase(
        "broke_the_news",
        LazyPattern(r"\b(?:broke|break|breaks|broken) (?:the )?(?:news|story)\b"),
        " 报道 ",
        fires_on=("Which outlet broke the news?",),
    ),
    Phrase(
        "jump_ship",
        LazyPattern(r"\b(?:jump|jumped|jumps|jumping) ship\b"),
        " 跳槽 ",
        fires_on=("Why did Schulman jump ship to Anthropic?",),
    ),
    Phrase(
        "power_struggle",
        LazyPattern(r"\bpower (?:struggle|grab|fight)\b|\bboardroom (?:drama|coup|fight)\b"),
        " 宫斗 ",
        fires_on=("What was the power struggle at OpenAI about?", "Who won the boardroom drama?"),
    ),
    # "compared altman to jobs" likens; "compared with" only compares
    Phrase(
        "liken",
        LazyPattern(r"\b(?:compare|compared|compares|comparing|liken|likened)\b(?=[^?,]{1,40}\bto\b)"),
        " 比作 ",
        fires_on=("Who compared Altman to Steve Jobs?",),
        not_on=("How large are Anthropic's losses compared with OpenAI's?",),
    ),
    Phrase(
        "a_year",
        LazyPattern(r"\b(?:make|makes|earn|earns|making|earning) (?:a|per|each) year\b"),
        " salary ",
        fires_on=("How much does Altman make a year?",),
    ),
    # "how big is his pool" asks a size; "how big a stake" an amount
    Phrase(
        "how_big_is",
        LazyPattern(r"\bhow big (?=is|are|was|were)\b"),
        " 多大 ",
        fires_on=("How big is Altman's pool?",),
        not_on=("How big a stake is OpenAI giving Altman?",),
    ),
    Phrase(
        "how_big",
        LazyPattern(r"\bhow big\b"),
        " how much ",
        fires_on=("How big a stake is OpenAI giving Altman?",),
        not_on=("How big is Altman's pool?",),
    ),
    Phrase(
        "went_through",
        LazyPattern(r"\b(?:going|gone|been|went) through\b"),
        " 经历 ",
        fires_on=("What has OpenAI gone through this year?",),
    ),
    Phrase(
        "work_on",
        LazyPattern(r"\b(?:work|working|works) on\b"),
        " 致力于 ",
        fires_on=("What did Sutskever work on at OpenAI?",),
    ),
    # "who's taking over research": 接替; "taking over as svp" is becoming one
    Phrase(
        "take_over",
        LazyPattern(r"\b(?:take|takes|taking|took|taken) over\b(?! as\b)"),
        " 接替 ",
        fires_on=("Who's taking over research now that Bob McGrew left?",),
        not_on=("Who is taking over as OpenAI's new SVP of research?",),
    ),
    Phrase(
        "time_off",
        LazyPattern(r"\b(?:a |an )?(?:long |extended )?(?:break|time off)\b"),
        " vacation ",
        fires_on=("Why is Brockman taking time off?", "When does Greg's long break end?"),
    ),
    Phrase(
        "year_end",
        LazyPattern(r"\b(?:the )?end of (?:the|this) year\b|\byear[- ]end\b"),
        " 年底 ",
        fires_on=("Will Brockman be back by the end of the year?",),
    ),
    Phrase(
        "start_a_company",
        LazyPattern(
            r"\b(?:start|started|starts|found|founded) (?:something|a company|his own \w+|her own \w+)\b"
        ),
        " 创立 公司 ",
        fires_on=("Did Sutskever start a company after he left?", "Murati founded her own startup?"),
    ),
    Phrase(
        "next_model",
        LazyPattern(r"\bnext (?:big )?(?:ai )?model\b"),
        " 下一代 大语言模型 ",
        fires_on=("When is OpenAI's next big model coming out?",),
    ),
    Phrase(
        "catchphrase",
        LazyPattern(r"\b(?:always|kept|keeps) (?:going|saying|chanting)\b"),
        " 口头禅 ",
        fires_on=("What was Ilya always saying at the office?",),
    ),
    Phrase(
        "feel_the_agi",
        LazyPattern(r"\bfeel the agi\b"),
        " 感受agi ",
        fires_on=("Who chanted 'feel the AGI'?",),
    ),
)


def english_phrases(text: str, fired: list[str] | None = None) -> str:
    """`text` with EN_PHRASES replaced, in order; the names of those that fired are added to
    `fired` when one is given (the rule tests and the trace read them)."""
    for phrase in EN_PHRASES:
        text, count = phrase.pattern.subn(phrase.replacement, text)
        if count and fired is not None:
            fired.append(phrase.name)
    return text


# English domain words to the Chinese words the facts use. A bridge for English
# questions, applied to the query only. One entry per Chinese word, with the English words read
# as it and a question each must be read in (tests/engine/test_rules.py).
_GLOSSARY: tuple[Gloss, ...] = (
    Gloss("账号", "account accounts", fires_on=("Which account did Altman tweet from?",)),
    Gloss("收购", "acquire", fires_on=("Did Microsoft try to acquire OpenAI?",)),
    Gloss("活跃", "active", fires_on=("How many active users does ChatGPT have?",)),
    Gloss("年龄", "age old", fires_on=("What is Murati's age?",)),
    Gloss("协议", "agreement deal nda", fires_on=("What did the NDA say?",)),
    Gloss("目标", "aim flag goal", fires_on=("What is OpenAI's goal?",)),
    Gloss("阿尔巴尼亚", "albania", fires_on=("Which town in Albania was Murati born in?",)),
    Gloss("对齐", "alignment", fires_on=("Why did Leike care so much about alignment?",)),
    Gloss("全体员工", "all-hands staff-wide", fires_on=("What did Altman say at the all-hands?",)),
    Gloss("亚马逊", "amazon", fires_on=("Who founded Amazon?",)),
    Gloss("怒", "angry furious", fires_on=("Why were the employees so angry?",)),
    Gloss("宣布", "announce announced", fires_on=("When did Murati announce she was leaving?",)),
    Gloss("应用", "application applied", fires_on=("What application did OpenAI launch?",)),
    Gloss("任命", "appoint appointed named", fires_on=("Who was appointed interim CEO?",)),
    Gloss("要求", "ask asked demand demanded", fires_on=("What did the employees demand from the board?",)),
    Gloss("亿", "billion", fires_on=("Is OpenAI worth 150 billion dollars?",)),
    Gloss("出生", "birth born", fires_on=("Where was Murati born?",)),
    Gloss("博文", "blog", fires_on=("What did Leike write in his blog?",)),
    Gloss("董事会", "board", fires_on=("Who was on the board?",)),
    Gloss("烧", "burn burned", fires_on=("How much money did OpenAI burn last year?",)),
    Gloss("会议", "call meeting", fires_on=("What happened in the meeting?",)),
    Gloss("叫", "called", fires_on=("What is Ilya's new company called?",)),
    Gloss("加拿大", "canada", fires_on=("Did Sutskever grow up in Canada?",)),
    Gloss("坦诚", "candid honest", fires_on=("Why did the board say Altman was not candid?",)),
    Gloss("首都", "capital", fires_on=("Was Murati born in the capital of Albania?",)),
    Gloss("套现", "cash", fires_on=("Can employees cash out their shares?",)),
    Gloss("口头禅", "catchphrase slogan", fires_on=("What was Ilya's catchphrase?",)),
    Gloss("中心", "center", fires_on=("Who is at the center of the drama?",)),
    Gloss("中间派", "centrist middle", fires_on=("Was anyone on the board a centrist?",)),
    Gloss("高呼", "chant", fires_on=("What did Ilya chant at the party?",)),
    Gloss("聊天机器人", "chatbot", fires_on=("Which chatbot did OpenAI release?",)),
    Gloss("首席", "chief", fires_on=("Who is the chief scientist?",)),
    Gloss("孩子", "children kids", fires_on=("Does Altman have children?",)),
    Gloss("密切", "close", fires_on=("How close are Altman and Nadella?",)),
    Gloss("云计算", "cloud", fires_on=("Which cloud does OpenAI use?",)),
    Gloss("创办", "co-found", fires_on=("Who did Sutskever co-found SSI with?",)),
    Gloss("联合创始人", "co-founded co-founder cofounder", fires_on=("Which co-founder left OpenAI first?",)),
    Gloss("公司", "companies company startup", fires_on=("Which company did Murati join before OpenAI?",)),
    Gloss("报酬", "compensation paid pay salary", fires_on=("What compensation does Altman get?",)),
    Gloss("竞品", "competitor", fires_on=("Which competitor did Schulman join?",)),
    Gloss("对手", "competitors rival rivals", fires_on=("Who are OpenAI's biggest rivals?",)),
    Gloss("算力", "compute computing", fires_on=("How much compute did the superalignment team get?",)),
    Gloss("大会", "conference", fires_on=("What was announced at the conference?",)),
    Gloss("信心", "confidence", fires_on=("Did investors lose confidence in OpenAI?",)),
    Gloss("冲突", "conflict", fires_on=("What was the conflict between Altman and the board?",)),
    Gloss("贡献", "contributed contribution", fires_on=("What was Ilya's contribution to GPT-4?",)),
    Gloss("国家", "country", fires_on=("Which country is Murati from?",)),
    Gloss("优惠", "coupon credit", fires_on=("What coupon did OpenAI offer?",)),
    Gloss("法院", "court", fires_on=("Which court did Musk sue in?",)),
    Gloss(
        "批评",
        "criticise criticised criticism criticize criticized",
        fires_on=("Why did Musk criticize OpenAI?",),
    ),
    Gloss("首席技术官", "cto", fires_on=("Who replaced Murati as CTO?",)),
    Gloss("联系", "contact", fires_on=("How did Musk contact Altman?",)),
    Gloss("文化", "culture", fires_on=("What was OpenAI's culture like?",)),
    Gloss("定制", "custom", fires_on=("Can users build custom GPTs?",)),
    Gloss("父亲", "dad father parent parents", fires_on=("What does Murati's father do?",)),
    Gloss("数据", "data", fires_on=("What data was GPT-4 trained on?",)),
    Gloss("日期", "date", fires_on=("What date was Altman fired?",)),
    Gloss("天", "days", fires_on=("How many days was Altman gone?",)),
    Gloss("决定", "decision decisions", fires_on=("Who made the decision to fire Altman?",)),
    Gloss("裁定", "declare", fires_on=("What did Musk ask the court to declare?",)),
    Gloss("学位", "degree education engineering-degree", fires_on=("What degree does Murati have?",)),
    Gloss("形容", "describe described", fires_on=("How did Murati describe Altman?",)),
    Gloss(
        "离职",
        "depart departed departure departures exit quit quits quitting",
        fires_on=("Why did Murati quit?",),
    ),
    Gloss("开发者大会", "devday", fires_on=("What happened at DevDay?",)),
    Gloss("开发", "develop developing building build builds", fires_on=("What is OpenAI developing next?",)),
    Gloss("开发者", "developer dev", fires_on=("What did OpenAI announce for developer tools?",)),
    Gloss("分歧", "disagree disagreement disagreements", fires_on=("What was the disagreement about?",)),
    Gloss("解散", "disbanded dissolved", fires_on=("Why was the superalignment team disbanded?",)),
    Gloss("文件", "document documents paperwork", fires_on=("What documents did the board release?",)),
    Gloss("数十名", "dozens", fires_on=("Did dozens of researchers leave?",)),
    Gloss("木雕像", "effigy wooden", fires_on=("Why did Ilya burn an effigy?",)),
    Gloss("移居", "emigrated immigrated moved", fires_on=("How old was Murati when she emigrated?",)),
    Gloss(
        "员工",
        "employee employees headcount staff workers",
        fires_on=("How many employees signed the letter?",),
    ),
    Gloss("耗能", "energy", fires_on=("How much energy does ChatGPT use?",)),
    Gloss("工程", "engineer engineering", fires_on=("Who leads engineering at OpenAI?",)),
    Gloss("高管", "executive executives", fires_on=("Which executives left OpenAI in 2024?",)),
    Gloss("股权", "equity shares stake", fires_on=("Does Altman have equity in OpenAI?",)),
    Gloss("解释", "explain", fires_on=("Did the board explain why it fired Altman?",)),
    Gloss("论文", "famous paper", fires_on=("Which paper made Ilya famous?",)),
    Gloss("斗争", "fight struggle", fires_on=("Who won the fight for control of OpenAI?",)),
    Gloss("解雇", "fire fired sacked", fires_on=("Why was Altman fired?",)),
    Gloss("首次", "first", fires_on=("When did Altman first meet Musk?",)),
    Gloss("适者生存", "fittest", fires_on=("Who said it was survival of the fittest?",)),
    Gloss("营利", "for-profit profit", fires_on=("When did OpenAI become for-profit?",)),
    Gloss("创立", "found founded start started", fires_on=("When was OpenAI founded?",)),
    Gloss("创始人", "founder founders", fires_on=("Who are OpenAI's founders?",)),
    Gloss("旧金山", "francisco sanfrancisco", fires_on=("Where in San Francisco is OpenAI?",)),
    Gloss("诈骗", "fraud scam", fires_on=("What was the scam?",)),
    Gloss("周五", "friday", fires_on=("What happened on Friday?",)),
    Gloss("融资", "funding raise round", fires_on=("How much funding did OpenAI raise?",)),
    Gloss("谷歌", "google", fires_on=("Why did Ilya leave Google?",)),
    Gloss("gpt", "gpts", fires_on=("What are GPTs?",)),
    Gloss("毕业", "graduate graduated", fires_on=("Where did Murati graduate from?",)),
    Gloss("哈佛", "harvard", fires_on=("Did anyone at OpenAI go to Harvard?",)),
    Gloss("负责人", "head leader", fires_on=("Who is the head of research?",)),
    Gloss("总部", "headquarters", fires_on=("Where are OpenAI's headquarters?",)),
    Gloss("家庭", "homes households", fires_on=("How many households use ChatGPT?",)),
    Gloss("小时", "hours", fires_on=("How many hours did the talks last?",)),
    Gloss("丈夫", "husband", fires_on=("Who is Murati's husband?",)),
    Gloss("印", "imprint imprinting", fires_on=("What is imprinting?",)),
    Gloss("收入", "income revenue", fires_on=("How much revenue does OpenAI make?",)),
    Gloss("影响力", "influence", fires_on=("How much influence does Microsoft have?",)),
    Gloss("天性", "instinct", fires_on=("What instinct did Ilya talk about?",)),
    Gloss("临时", "interim", fires_on=("Who was the interim CEO?",)),
    Gloss("实习", "intern internship", fires_on=("Where did Murati intern?",)),
    Gloss("无效", "invalid", fires_on=("What did Musk want declared invalid?",)),
    Gloss("投资", "invest investment", fires_on=("How much did Microsoft invest?",)),
    Gloss("投资者", "investor investors", fires_on=("Who are OpenAI's investors?",)),
    Gloss("工作", "job work worked working", fires_on=("Where did Murati work before OpenAI?",)),
    Gloss("加入", "join joined joins", fires_on=("When did Murati join OpenAI?",)),
    Gloss("微软", "join-microsoft microsoft", fires_on=("What did Microsoft do after Altman was fired?",)),
    Gloss("笑话", "joke jokes", fires_on=("What jokes did Altman make?",)),
    Gloss(
        "发布",
        "launch launched release released ship shipped shipping ships launching releasing",
        fires_on=("When was GPT-4o released?",),
    ),
    Gloss("定律", "laws", fires_on=("What are the scaling laws?",)),
    Gloss("起诉", "lawsuit sue sued suing", fires_on=("Why did Musk sue OpenAI?",)),
    Gloss("领导", "lead leads led leading", fires_on=("Who leads OpenAI's research?",)),
    Gloss("离开", "leave leaving left", fires_on=("Why did Sutskever leave?",)),
    Gloss("休假", "leave-of-absence sabbatical vacation", fires_on=("Why did Brockman go on sabbatical?",)),
    Gloss("联名信", "letter", fires_on=("Who wrote the letter?",)),
    Gloss("许可", "license", fires_on=("What license did Microsoft get?",)),
    Gloss("亏损", "lose loss losses", fires_on=("How much money does OpenAI lose?",)),
    Gloss("结婚", "married", fires_on=("Is Murati married?",)),
    Gloss("数学", "math mathematics", fires_on=("Did Murati study math?",)),
    Gloss("机械", "mechanical", fires_on=("Did Murati study mechanical engineering?",)),
    Gloss("媒体", "media outlet", fires_on=("Which media reported it first?",)),
    Gloss("备忘录", "memo", fires_on=("What did the memo say?",)),
    Gloss("师从", "mentor teacher", fires_on=("Who was Ilya's mentor?",)),
    Gloss("合并", "merge merger", fires_on=("Did OpenAI consider a merger with Anthropic?",)),
    Gloss("见面", "meet met", fires_on=("When did Altman meet Nadella?",)),
    Gloss("信息", "message", fires_on=("What message did Altman send?",)),
    Gloss("百万", "million", fires_on=("Is it 10 million users?",)),
    Gloss("使命", "mission", fires_on=("What is OpenAI's mission?",)),
    Gloss("麻省理工", "mit", fires_on=("Who studied at MIT?",)),
    Gloss("模型", "model models", fires_on=("What model did OpenAI release in May?",)),
    Gloss("母亲", "mom mother", fires_on=("What does Altman's mom do?",)),
    Gloss("钱", "money", fires_on=("Where did the money come from?",)),
    Gloss("月活", "monthly", fires_on=("How many monthly users does ChatGPT have?",)),
    Gloss("月", "months", fires_on=("How many months did it take?",)),
    Gloss("多模态", "multimodal", fires_on=("Is GPT-4o multimodal?",)),
    Gloss("名字", "name", fires_on=("What is the name of Ilya's company?",)),
    Gloss("新", "new", fires_on=("What is Murati's new company?",)),
    Gloss("下一代", "next-gen next-generation", fires_on=("When is the next-generation model coming?",)),
    Gloss("非营利", "non-profit nonprofit", fires_on=("Why did OpenAI start as a nonprofit?",)),
    Gloss("线上", "online", fires_on=("Was the meeting online?",)),
    Gloss("罢免", "oust ousted removed", fires_on=("Who ousted Altman?",)),
    Gloss(
        "合作",
        "partner partners partnership partnerships",
        fires_on=("What is the partnership between Microsoft and OpenAI?",),
    ),
    Gloss("派对", "party", fires_on=("What happened at the party?",)),
    Gloss("%", "percent percentage", fires_on=("What percent of employees signed?",)),
    Gloss("物理", "physics", fires_on=("Did anyone study physics?",)),
    Gloss("游泳池", "pool swimming", fires_on=("Does Altman have a swimming pool?",)),
    Gloss("发文", "post posted", fires_on=("What did Altman post after he was fired?",)),
    Gloss("权力", "power", fires_on=("Who has the power at OpenAI?",)),
    Gloss("总裁", "president", fires_on=("Who is the president of OpenAI?",)),
    Gloss("价格", "price", fires_on=("What is the price of ChatGPT Plus?",)),
    Gloss("优先", "priorities priority", fires_on=("What were OpenAI's priorities?",)),
    Gloss("流程", "process processes", fires_on=("What was wrong with the process?",)),
    Gloss("产品", "product products shiny", fires_on=("Which products did Murati oversee?",)),
    Gloss("晋升", "promoted promotion", fires_on=("When was Murati promoted?",)),
    Gloss("量化", "quantitative", fires_on=("Did Altman work at a quantitative fund?",)),
    Gloss("原因", "reason why", fires_on=("What was the reason Altman was fired?",)),
    Gloss("推理", "reasoning", fires_on=("What reasoning model did OpenAI release?",)),
    Gloss("收到", "receive received", fires_on=("What did the employees receive?",)),
    Gloss("削弱", "reduce weaken", fires_on=("Did the board try to weaken Altman?",)),
    Gloss("重聘", "rehired", fires_on=("Was Altman rehired?",)),
    Gloss("接替", "replace replaced succeed successor", fires_on=("Who replaced Murati?",)),
    Gloss("汇报", "report reports", fires_on=("Who does Murati report to?",)),
    Gloss("研究", "research", fires_on=("Who leads research at OpenAI?",)),
    Gloss("研究员", "researcher", fires_on=("Which researcher left for Anthropic?",)),
    Gloss("辞职", "resign resignation resigned", fires_on=("When did Murati resign?",)),
    Gloss("重组", "restructure restructuring", fires_on=("Why is OpenAI restructuring?",)),
    Gloss("回归", "return returned returns", fires_on=("When did Altman return?",)),
    Gloss("透露", "reveal revealed", fires_on=("What did Altman reveal?",)),
    Gloss("职位", "role title position", fires_on=("What role did Murati have?",)),
    Gloss("安全", "safety safety-first", fires_on=("Why did the safety team leave?",)),
    Gloss("表示", "said say", fires_on=("What did Nadella say?",)),
    Gloss("缩放", "scaling", fires_on=("What is scaling?",)),
    Gloss("学者", "scholar", fires_on=("Which scholar did Ilya study under?",)),
    Gloss("学院", "school", fires_on=("Which school did Murati go to?",)),
    Gloss("科学家", "scientist", fires_on=("Who is OpenAI's chief scientist?",)),
    Gloss("出售", "sell sold", fires_on=("Are employees allowed to sell shares?",)),
    Gloss("占比", "share", fires_on=("What share of employees signed?",)),
    Gloss("签", "sign signed", fires_on=("How many employees signed?",)),
    Gloss("签名", "signature", fires_on=("Whose signature was on the letter?",)),
    Gloss("速度", "speed", fires_on=("Why did the board worry about speed?",)),
    Gloss("雕像", "statue", fires_on=("What happened to the statue?",)),
    Gloss("股票", "stock", fires_on=("Do employees get stock?",)),
    Gloss("学生", "student", fires_on=("Was Ilya Hinton's student?",)),
    Gloss("学", "studied study", fires_on=("What did Murati study?",)),
    Gloss("超级对齐", "superalignment", fires_on=("Who led superalignment?",)),
    Gloss("生存", "survival", fires_on=("Was it about survival?",)),
    Gloss("传言", "rumor rumour rumors", fires_on=("Is the rumor true?",)),
    Gloss("收官", "wrap", fires_on=("What did Murati wrap up before leaving?",)),
    Gloss("继续", "keeps", fires_on=("Who keeps leaving OpenAI?",)),
    Gloss("提前", "early", fires_on=("Did Altman know early?",)),
    Gloss("洽谈", "talks talk", fires_on=("Were there talks with Anthropic?",)),
    Gloss("前科", "history", fires_on=("Does Altman have a history of lying?",)),
    Gloss("上司", "boss", fires_on=("Who was Murati's boss?",)),
    Gloss("增加", "grow grew growth", fires_on=("How fast did ChatGPT grow?",)),
    Gloss("最近", "recently lately", fires_on=("What did Altman say recently?",)),
    Gloss("推文", "tweets tweeted tweet", fires_on=("What did Altman tweet?",)),
    Gloss("机器人", "robotics robot robots", fires_on=("Did OpenAI work on robotics?",)),
    Gloss("高级副总裁", "svp", fires_on=("Who is the SVP of research?",)),
    Gloss("调整", "shakeup shake-up", fires_on=("What was the leadership shakeup?",)),
    Gloss("团队", "team", fires_on=("Which team did Leike lead?",)),
    Gloss("矛盾", "tension", fires_on=("Was there tension between Altman and Sutskever?",)),
    Gloss("特斯拉", "tesla", fires_on=("Did Karpathy work at Tesla?",)),
    Gloss("感谢", "thank thanked thanks", fires_on=("Who did Altman thank?",)),
    Gloss("威胁", "threat threaten threatened", fires_on=("Did the employees threaten to quit?",)),
    Gloss("信任", "trust trusted", fires_on=("Why did the board not trust Altman?",)),
    Gloss("理解", "understand", fires_on=("Did the employees understand the decision?",)),
    Gloss("独角兽", "unicorn", fires_on=("Is OpenAI a unicorn?",)),
    Gloss("大学", "university", fires_on=("Which university did Ilya go to?",)),
    Gloss("不太可能", "unlikely", fires_on=("Is it unlikely Altman returns?",)),
    Gloss("用户", "user users", fires_on=("How many users does ChatGPT have?",)),
    Gloss("估值", "valuation value valued worth", fires_on=("What is OpenAI's valuation?",)),
    Gloss("企业", "venture", fires_on=("What is Murati's new venture?",)),
    Gloss("副总裁", "vice vp", fires_on=("Who is the VP of product?",)),
    Gloss("视频", "video", fires_on=("What video model did OpenAI show?",)),
    Gloss("线上会议", "video-call", fires_on=("Was Altman fired in a video-call?",)),
    Gloss("视觉", "vision", fires_on=("Who leads vision research?",)),
    Gloss("访问", "visiting", fires_on=("Who was visiting OpenAI?",)),
    Gloss("天气", "weather", fires_on=("What was the weather like?",)),
    Gloss("每周", "weekly", fires_on=("How many weekly users are there?",)),
    Gloss("周", "weeks", fires_on=("How many weeks did it take?",)),
    Gloss("妻子", "wife", fires_on=("Who is Altman's wife?",)),
    Gloss("写", "write wrote", fires_on=("What did Leike write?",)),
    Gloss("年", "year years", fires_on=("How many years was Murati at OpenAI?",)),
    Gloss("猜测", "guess guessed speculate speculated speculation", fires_on=("What did people speculate?",)),
    Gloss("感觉", "feel feels felt", fires_on=("How did Murati feel?",)),
    Gloss("讨论", "discuss discussed discussing", fires_on=("What did the board discuss?",)),
    Gloss("授予", "give gave giving grant granting", fires_on=("Will OpenAI give Altman equity?",)),
    Gloss("波兰", "poland polish", fires_on=("Which Polish scientist co-founded OpenAI?",)),
    Gloss("计算机", "computer", fires_on=("Which computer scientist co-founded OpenAI?",)),
    Gloss("后训练", "post-training posttraining", fires_on=("Who runs post-training at OpenAI now?",)),
)
EN_GLOSSARY: dict[str, str] = {word: entry.chinese for entry in _GLOSSARY for word in entry.words}

# Cantonese words (in simplified form) to the Mandarin the facts are written in, so
# "Schulman同Altman喺边度识" meets the phrasings of "在哪里认识". The longest word found is
# read first (REGIONAL_RE); each entry's example is a question it must fire in.
_CANTONESE: tuple[RegionalWord, ...] = (
    RegionalWord("边度", "哪里", fires_on=("Schulman同Altman喺边度识㗎?",)),
    RegionalWord("边间", "哪家", fires_on=("Murati走咗之后去咗边间公司?",)),
    RegionalWord("边个", "谁", fires_on=("边个接替咗McGrew?",)),
    RegionalWord("点解", "为什么", fires_on=("Altman点解会俾人炒?",)),
    RegionalWord("点样", "怎样", fires_on=("微软点样回应?",)),
    RegionalWord("几时", "什么时候", fires_on=("Murati几时离职?",)),
    RegionalWord("几多", "多少", fires_on=("OpenAI有几多员工?",)),
    RegionalWord("乜嘢", "什么", fires_on=("Ilya离开之后做过乜嘢?",)),
    RegionalWord("佢哋", "他们", fires_on=("佢哋点解闹翻?",)),
    RegionalWord("唔系", "不是", fires_on=("Altman唔系已经返咗OpenAI咩?",)),
    RegionalWord("屋企", "家", fires_on=("Altman喺屋企搞咗咩派对?",)),
    RegionalWord("做嘢", "工作", fires_on=("Murati而家喺边度做嘢?",)),
    RegionalWord("嘢", "东西", fires_on=("Altman发咗啲咩嘢?",)),
    RegionalWord("喺", "在", fires_on=("Brockman喺边度?",)),
    RegionalWord("嘅", "的", fires_on=("Murati嘅老公系边个?",)),
    RegionalWord("咗", "了", fires_on=("Ilya去咗边?",)),
    RegionalWord("佢", "他", fires_on=("佢点解走?",)),
    RegionalWord("冇", "没有", fires_on=("微软有冇投资OpenAI?",)),
    RegionalWord("咩", "什么", fires_on=("Altman话咗咩?",)),
    RegionalWord("乜", "什么", fires_on=("Sutskever离开OpenAI之后搞乜?",)),
    RegionalWord("嗰", "那", fires_on=("嗰封联名信有几多人签?",)),
    RegionalWord("唔", "不", fires_on=("Altman点解唔去微软?",)),
    RegionalWord("揾", "找", fires_on=("OpenAI揾咗边个做临时CEO?",)),
    RegionalWord("俾", "给", fires_on=("微软俾咗OpenAI几多钱?",)),
    RegionalWord("畀", "给", fires_on=("微软畀咗几多钱OpenAI?",)),
    RegionalWord("睇", "看", fires_on=("董事会点睇Altman?",)),
    RegionalWord("啲", "些", fires_on=("啲员工点解签联名信?",)),
    RegionalWord("咁", "这么", fires_on=("点解Altman咁快返嚟?",)),
    RegionalWord("而家", "现在", fires_on=("Karpathy而家做紧咩?",)),
    RegionalWord("几耐", "多久", fires_on=("Brockman休假休咗几耐?",)),
    RegionalWord("边位", "哪位", fires_on=("边位高管最先离开?",)),
    RegionalWord("搞紧", "在搞", fires_on=("Ilya而家搞紧咩?",)),
    RegionalWord("做紧", "在做", fires_on=("Murati而家做紧乜?",)),
    RegionalWord("讲紧", "在讲", fires_on=("Altman条推文讲紧咩?",)),
    RegionalWord("谂紧", "在想", fires_on=("董事会当时谂紧咩?",)),
    RegionalWord("谂", "想", fires_on=("员工谂过乜?",)),
    RegionalWord("老豆", "父亲", fires_on=("Altman老豆做咩嘅?",)),
    RegionalWord("老窦", "父亲", fires_on=("Murati老窦系边个?",)),
    RegionalWord("系咩", "是什么", fires_on=("超级对齐系咩?",)),
    RegionalWord("系边个", "是谁", fires_on=("OpenAI嘅CTO系边个?",)),
    RegionalWord("系唔系", "是不是", fires_on=("Altman系唔系俾人炒咗?",)),
    RegionalWord("点算", "怎么办", fires_on=("Altman走咗之后OpenAI点算?",)),
    RegionalWord("阿妈", "母亲", fires_on=("Altman阿妈系做咩嘅?",)),
    RegionalWord("阿爸", "父亲", fires_on=("Murati阿爸系边个?",)),
    RegionalWord("咩名", "什么名字", fires_on=("Ilya嘅新公司叫咩名?",)),
    RegionalWord("嗰阵", "那时", fires_on=("Altman俾人炒嗰阵喺边度?",)),
    RegionalWord("嗰时", "那时", fires_on=("嗰时边个做临时CEO?",)),
    RegionalWord("点讲", "怎么说", fires_on=("Murati点讲Altman?",)),
    RegionalWord("会点", "会怎样", fires_on=("OpenAI之后会点?",)),
    RegionalWord("拣", "选", fires_on=("董事会点解拣Shear做CEO?",)),
    RegionalWord("落台", "下台", fires_on=("Altman点解落台?",)),
    RegionalWord("联署", "联名", fires_on=("几多员工联署要求董事会辞职?",)),
    RegionalWord("份工", "工作", fires_on=("Murati辞咗份工之后做咩?",)),
    RegionalWord("辞工", "辞职", fires_on=("Murati点解辞工?",)),
    RegionalWord("但系", "但是", fires_on=("Altman走咗,但系点解又返嚟?",)),
    RegionalWord("成日", "经常", fires_on=("Ilya成日讲咩?",)),
    RegionalWord("话佢", "说他", fires_on=("董事会话佢唔坦诚?",)),
    RegionalWord("系咪", "是不是", fires_on=("Altman系咪返咗OpenAI?",)),
    RegionalWord("俾人", "被", fires_on=("Altman点解俾人炒?",)),
    RegionalWord("话佢知", "告诉他", fires_on=("边个话佢知俾人炒咗?",)),
    RegionalWord("老细", "老板", fires_on=("Murati嘅老细系边个?",)),
    RegionalWord("好得", "很得", fires_on=("Altman系咪好得员工支持?",)),
    RegionalWord("边日", "哪天", fires_on=("Altman边日俾人炒?",)),
    RegionalWord("放紧", "在放", fires_on=("Brockman系咪放紧假?",)),
    RegionalWord("净系", "只是", fires_on=("Brockman净系休假定系辞职?",)),
    RegionalWord("输俾", "输给", fires_on=("GPT-4输俾边个模型?",)),
    RegionalWord("返工", "上班", fires_on=("Brockman几时返工?",)),
    RegionalWord("返紧工", "在上班", fires_on=("Brockman而家返紧工未?",)),
    RegionalWord("读紧书", "在读书", fires_on=("Murati嗰时仲读紧书?",)),
    RegionalWord("劲过", "强过", fires_on=("边个模型劲过GPT-4?",)),
    RegionalWord("同人", "跟人", fires_on=("Altman同人闹翻过未?",)),
    RegionalWord("搞咗间", "创办了", fires_on=("Ilya搞咗间咩公司?",)),
    RegionalWord("开咗间", "创办了", fires_on=("Murati开咗间咩公司?",)),
    RegionalWord("咩公司", "什么公司", fires_on=("Schulman去咗咩公司?",)),
    RegionalWord("佢话", "他说", fires_on=("佢话点解要走?",)),
    RegionalWord("㗎", "啊", fires_on=("Altman几时返嚟㗎?",)),
    # 喎 as a question's key holds it: simplifying writes it 㖞
    RegionalWord("㖞", "啊", fires_on=("Altman好似返咗嚟喎?",)),
    RegionalWord("啫", "啊", fires_on=("Murati净系走咗啫?",)),
    # The rest of the closed class, so a new question's wording is covered, not only past rows'.
    # Pronouns and demonstratives; 呢 alone is also Mandarin's particle ("那Brockman呢"), so only
    # with its measure word.
    RegionalWord("我哋", "我们", fires_on=("我哋几时先知Altman俾人炒?",)),
    RegionalWord("你哋", "你们", fires_on=("你哋知唔知Murati去咗边度?",)),
    RegionalWord("呢个", "这个", fires_on=("呢個決定係邊個做嘅?",)),
    RegionalWord("呢间", "这家", fires_on=("呢間公司幾時成立?",)),
    RegionalWord("呢啲", "这些", fires_on=("呢啲員工點解要走?",)),
    RegionalWord("呢位", "这位", fires_on=("呢位CTO喺OpenAI做咗幾耐?",)),
    RegionalWord("呢次", "这次", fires_on=("呢次融資籌咗幾多錢?",)),
    RegionalWord("呢排", "最近", fires_on=("Ilya呢排做緊咩?",)),
    # Question words; 系 (係) is read as 是 only before one, as 系 is also 关系, 系统, 体系.
    RegionalWord("边到", "哪里", fires_on=("Murati而家喺邊到做嘢?",)),
    RegionalWord("边年", "哪年", fires_on=("Karpathy邊年離開OpenAI?",)),
    RegionalWord("做乜要", "为什么要", fires_on=("Murati做乜要辭職?",)),
    RegionalWord("做咩要", "为什么要", fires_on=("Leike做咩要走?",)),
    RegionalWord("做乜会", "为什么会", fires_on=("Altman做乜會俾人炒?",)),
    RegionalWord("做咩会", "为什么会", fires_on=("超級對齊團隊做咩會解散?",)),
    RegionalWord("点睇", "怎么看", fires_on=("馬斯克點睇OpenAI?",)),
    RegionalWord("点谂", "怎么想", fires_on=("員工點諗董事會個決定?",)),
    RegionalWord("点知", "怎么知道", fires_on=("Altman點知自己俾人炒?",)),
    RegionalWord("点做", "怎么做", fires_on=("董事會之後點做?",)),
    RegionalWord("点话", "怎么说", fires_on=("Leike辭職嗰陣點話?",)),
    RegionalWord("系边度", "是哪里", fires_on=("OpenAI總部係邊度?",)),
    RegionalWord("系边间", "是哪家", fires_on=("最大投資者係邊間公司?",)),
    RegionalWord("系边位", "是哪位", fires_on=("臨時CEO係邊位?",)),
    RegionalWord("系边年", "是哪年", fires_on=("OpenAI成立係邊年?",)),
    RegionalWord("系几时", "是什么时候", fires_on=("Altman返嚟係幾時?",)),
    RegionalWord("系几多", "是多少", fires_on=("OpenAI估值係幾多?",)),
    RegionalWord("系乜嘢", "是什么", fires_on=("Ilya新公司係乜嘢公司?",)),
    RegionalWord("系点", "是怎么", fires_on=("Altman係點返到嚟?",)),
    # 同 alone is also 同时, 同事, 共同: read as 和 only before a question word.
    RegionalWord("同边个", "和谁", fires_on=("Murati同邊個傾緊離職細節?",)),
    RegionalWord("同边间", "和哪家", fires_on=("OpenAI同邊間公司合作?",)),
    # Aspect, negation and adverbs: 未 closing a question asks whether it has happened yet.
    RegionalWord("咗未", "了没有", fires_on=("Murati走咗未?",)),
    RegionalWord("过未", "过没有", fires_on=("Altman同馬斯克傾過未?",)),
    RegionalWord("仲", "还", fires_on=("Brockman仲喺唔喺OpenAI?",)),
    RegionalWord("净返", "只剩", fires_on=("超級對齊團隊淨返幾多人?",)),
    # 晒 (all, after a verb) alone is also 晒出 (show off), which the facts use.
    RegionalWord("走晒", "都走了", fires_on=("OpenAI嘅創辦人係咪走晒?",)),
    RegionalWord("就嚟", "即将", fires_on=("OpenAI係咪就嚟轉做營利公司?",)),
    RegionalWord("啱啱", "刚刚", fires_on=("邊個啱啱離開OpenAI?",)),
    RegionalWord("琴日", "昨天", fires_on=("Altman琴日講咗咩?",)),
    RegionalWord("寻日", "昨天", fires_on=("Murati尋日宣布咗咩?",)),
    RegionalWord("今日", "今天", fires_on=("OpenAI今日發佈咗咩?",)),
    RegionalWord("听日", "明天", fires_on=("Altman話聽日開咩會?",)),
    # Verbs: 嚟 alone stays (the facts quote it); 返 alone is also 返回.
    RegionalWord("返嚟", "回来", fires_on=("Altman點解可以返嚟?",)),
    RegionalWord("返咗嚟", "回来了", fires_on=("Altman幾時返咗嚟OpenAI?",)),
    RegionalWord("返去", "回去", fires_on=("Altman點解要返去OpenAI?",)),
    RegionalWord("出嚟", "出来", fires_on=("OpenAI幾時搞個營利子公司出嚟?",)),
    RegionalWord("攞", "拿", fires_on=("Altman攞咗幾多股份?",)),
    RegionalWord("跟住", "跟着", fires_on=("邊位高管跟住Murati走咗?",)),
    RegionalWord("话咗", "说了", fires_on=("Murati話咗啲咩?",)),
    RegionalWord("话过", "说过", fires_on=("Ilya話過AGI會點?",)),
    RegionalWord("倾偈", "聊天", fires_on=("Ilya約Altman幾時傾偈?",)),
    RegionalWord("倾咗", "谈了", fires_on=("董事會同Altman傾咗咩?",)),
    RegionalWord("倾紧", "在谈", fires_on=("Murati同邊個傾緊離職細節?",)),
    RegionalWord("噉", "这样", fires_on=("Altman點解會噉做?",)),
    RegionalWord("咁样", "这样", fires_on=("董事會點解咁樣做?",)),
    # Sentence particles: they ask nothing, read as the Mandarin particle.
    RegionalWord("啰", "啊", fires_on=("Murati走咗囉?",)),
    RegionalWord("噃", "啊", fires_on=("Altman返咗嚟噃?",)),
    RegionalWord("吖", "啊", fires_on=("邊個做CEO吖?",)),
)
# Taiwan words (in simplified form) for what the facts call otherwise: 甚麼 is 什么, a 财务长
# is a 首席财务官.
_TAIWAN: tuple[RegionalWord, ...] = (
    RegionalWord("甚么", "什么", fires_on=("Murati離職後去做甚麼?",)),
    RegionalWord("财务长", "首席财务官", fires_on=("OpenAI的財務長是誰?",)),
    RegionalWord("技术长", "首席技术官", fires_on=("OpenAI的技術長是誰?",)),
    RegionalWord("营运长", "首席运营官", fires_on=("OpenAI的營運長是誰?",)),
    RegionalWord("产品长", "首席产品官", fires_on=("OpenAI的產品長是誰?",)),
    RegionalWord("研究长", "首席研究官", fires_on=("OpenAI的研究長是誰?",)),
    RegionalWord("社群平台", "社交平台", fires_on=("Altman在哪個社群平台發文?",)),
    RegionalWord("社群媒体", "社交媒体", fires_on=("Murati在社群媒體上說了什麼?",)),
    RegionalWord("社群网站", "社交网站", fires_on=("Altman在哪個社群網站宣布回歸?",)),
    RegionalWord("新创", "初创", fires_on=("Sutskever成立了哪家新創?",)),
    RegionalWord("新创公司", "初创公司", fires_on=("Murati的新創公司叫什麼?",)),
    RegionalWord("使用者", "用户", fires_on=("ChatGPT有多少使用者?",)),
    # 资料 is Taiwan's 数据 (data); the facts say 数据. 执行长, 影片, 软体, 晶片 the facts already use.
    RegionalWord("资料", "数据", fires_on=("Sora的訓練資料是從哪裡來的?",)),
)
# Northern colloquial question words: phrasings mostly say 什么 and 怎么, and "用啥办法" should
# look as much like "用什么办法" as the words do. 他爸 is one word to jieba, so it is spelt out
# here; 爸爸 alone is a synonym of 父亲 below.
_COLLOQUIAL: tuple[RegionalWord, ...] = (
    RegionalWord("头一回", "第一次", fires_on=("Altman头一回被解雇是什么时候?",)),
    RegionalWord("头一次", "第一次", fires_on=("奥特曼头一次见马斯克是哪年?",)),
    RegionalWord("啥", "什么", fires_on=("Ilya现在在干啥?",)),
    RegionalWord("咋", "怎么", fires_on=("微软咋回应的?",)),
    RegionalWord("他爸", "他父亲", fires_on=("奥特曼说他爸教了他什么?",)),
    RegionalWord("她爸", "她父亲", fires_on=("穆拉蒂说她爸是做什么的?",)),
    RegionalWord("他妈", "他母亲", fires_on=("奥特曼他妈是做什么的?",)),
    RegionalWord("她妈", "她母亲", fires_on=("穆拉蒂她妈是哪国人?",)),
)
REGIONAL_TO_MANDARIN: dict[str, str] = {
    entry.word: entry.mandarin for entry in (*_CANTONESE, *_TAIWAN, *_COLLOQUIAL)
}
REGIONAL_RE = LazyPattern("|".join(sorted(map(re.escape, REGIONAL_TO_MANDARIN), key=len, reverse=True)))


def to_mandarin(key: str) -> str:
    """Cantonese function and question words, and Taiwan words, replaced by the Mandarin the
    facts use."""
    return REGIONAL_RE.sub(lambda m: REGIONAL_TO_MANDARIN[m.group()], key)


# Function characters that jieba leaves glued to a content word ("签了", "后要"): trimmed
# from both ends of a token before it is looked up.
EDGE_PARTICLES = frozenset("了的着过后要会吗呢吧在是把被就也都还又很")
# 刚 (just) is trimmed only from the front of a token the dictionary does not know ("刚发" is
# 发); as an edge particle it turned 刚好 into 好 and 刚性 into 性.
JUST = "刚"

# Groups of words the articles and users use for the same thing. A query word finds a
# fact when the fact uses any word of its group. Each with a question that must use it: a word
# of the group in the question, another in the facts.
_SYNONYM_GROUPS: tuple[SynonymGroup, ...] = (
    SynonymGroup(
        (
            "离职",
            "辞",
            "辞职",
            "离开",
            "出走",
            "走人",
            "跳槽",
            "辞去",
            "请辞",
            "走",
            "退出",
            "离去",
            "不干",
            "跑路",
            "撂挑子",
            "跑",
        ),
        fires_on=("穆拉蒂为什么辞去CTO一职?",),
    ),
    SynonymGroup(
        (
            "解雇",
            "开除",
            "罢免",
            "辞退",
            "炒",
            "炒掉",
            "炒鱿鱼",
            "解职",
            "赶走",
            "踢出",
            "下台",
            "解僱",
            "被炒",
            "搞掉",
            "赶下台",
            "踢走",
        ),
        fires_on=("奥特曼为什么被解职?",),
    ),
    SynonymGroup(
        ("加入", "入职", "加盟", "投奔", "投靠", "去了", "招进", "招入", "招揽", "进", "进入", "进来"),
        fires_on=("舒尔曼为什么投奔Anthropic?",),
    ),
    # not 建立: 建立合作关系 founds nothing
    SynonymGroup(
        ("创立", "创办", "成立", "创建", "组建", "创设", "创"), fires_on=("苏茨克维创设的公司叫什么?",)
    ),
    SynonymGroup(
        ("任命", "担任", "出任", "接任", "聘请", "上任", "就任", "当", "当上", "成为"),
        fires_on=("谁出任了临时CEO?",),
    ),
    SynonymGroup(
        ("回归", "回来", "重返", "复职", "重聘", "返回", "回到", "迎回", "回锅", "归队"),
        fires_on=("奥特曼是什么时候归队的?",),
    ),
    SynonymGroup(("接替", "接任", "继任", "取代", "接手", "接班"), fires_on=("谁接手了McGrew的工作?",)),
    SynonymGroup(("估值", "身价"), fires_on=("OpenAI现在身价多少?",)),
    SynonymGroup(
        ("员工", "雇员", "职员", "人数", "员工数", "人员", "打工人"), fires_on=("OpenAI有多少雇员?",)
    ),
    SynonymGroup(("收入", "营收", "营业收入", "进账"), fires_on=("OpenAI今年营收多少?",)),
    SynonymGroup(("亏损", "亏钱", "赔钱", "亏"), fires_on=("OpenAI一年赔钱多少?",)),
    SynonymGroup(("出生", "生于", "出生于", "生日", "出世"), fires_on=("穆拉蒂生于哪一年?",)),
    SynonymGroup(("毕业", "学位", "就读", "念书", "读书"), fires_on=("穆拉蒂在哪所大学念书?",)),
    SynonymGroup(("父亲", "爸爸", "老爸", "父母"), fires_on=("穆拉蒂的老爸是做什么的?",)),
    SynonymGroup(("母亲", "妈妈", "老妈", "父母"), fires_on=("奥特曼的老妈是谁?",)),
    SynonymGroup(("协议", "合同", "条款"), fires_on=("马斯克和OpenAI签过什么合同?",)),
    SynonymGroup(("家里", "家中", "他家", "她家", "家"), fires_on=("奥特曼在家中说了什么?",)),
    SynonymGroup(
        ("起诉", "诉讼", "告上法庭", "告", "控告", "状告", "提告", "官司", "打官司"),
        fires_on=("马斯克为什么跟OpenAI打官司?",),
    ),
    SynonymGroup(
        ("批评", "指责", "抨击", "不满", "炮轰", "坏话", "数落", "吐槽"),
        fires_on=("马斯克为什么炮轰OpenAI?",),
    ),
    SynonymGroup(("撤诉", "撤回", "撤", "撤案", "撤告"), fires_on=("马斯克为什么撤告?",)),
    SynonymGroup(("评价", "看法", "认为", "称", "形容", "怎么看"), fires_on=("大家对奥特曼有什么看法?",)),
    SynonymGroup(
        ("形容", "描述", "描绘", "比作", "比喻", "打比方", "比方", "类比"),
        fires_on=("穆拉蒂把奥特曼类比成什么?",),
    ),
    # "他的师父是谁" asks whom he studied under
    SynonymGroup(("师从", "师父", "老师", "恩师"), fires_on=("苏茨克维的恩师是谁?",)),
    SynonymGroup(("目标", "使命", "任务"), fires_on=("OpenAI的使命是什么?",)),
    SynonymGroup(
        ("负责", "领导", "主管", "带领", "掌管", "负责人", "领头", "管", "带"),
        fires_on=("谁掌管OpenAI的研究?",),
    ),
    SynonymGroup(("解散", "解体", "散伙"), fires_on=("超级对齐团队为什么散伙了?",)),
    SynonymGroup(
        ("发布", "推出", "上线", "发表", "公布", "问世", "发出"), fires_on=("GPT-4o是什么时候上线的?",)
    ),
    SynonymGroup(("准备", "筹备", "预备", "打算"), fires_on=("苏茨克维预备做什么?",)),
    SynonymGroup(("产品经理", "pm"), fires_on=("ChatGPT的PM是谁?",)),
    SynonymGroup(("策略", "手段", "手法", "招数"), fires_on=("奥特曼用了什么手段回归?",)),
    SynonymGroup(("本来", "原本", "原先", "本打算"), fires_on=("布罗克曼原先打算休假多久?",)),
    SynonymGroup(("改用", "选用", "换成", "换用"), fires_on=("苹果为什么换用OpenAI的模型?",)),
    SynonymGroup(("休假", "放假", "休息", "长假", "休长假"), fires_on=("布罗克曼为什么要放长假?",)),
    SynonymGroup(
        ("投资", "注资", "投资者", "投资人", "金主", "掏钱", "出钱", "投钱"), fires_on=("微软一共注资多少?",)
    ),
    SynonymGroup(("融资", "募资", "筹款", "筹集", "筹资"), fires_on=("OpenAI这轮筹集了多少钱?",)),
    SynonymGroup(("股权", "股份", "持股"), fires_on=("奥特曼在OpenAI持股多少?",)),
    SynonymGroup(("合并", "并购", "收购"), fires_on=("OpenAI会被收购吗?",)),
    SynonymGroup(("担忧", "担心", "忧虑"), fires_on=("员工担心什么?",)),
    SynonymGroup(
        ("工作", "任职", "就职", "上班", "做事", "担任", "待", "待过"), fires_on=("穆拉蒂之前在哪里任职?",)
    ),
    SynonymGroup(("心情", "感觉", "感到", "心态", "情绪", "觉得"), fires_on=("奥特曼回归时心态如何?",)),
    SynonymGroup(
        ("矛盾", "冲突", "分歧", "不和", "摩擦", "恩怨", "过节", "争执", "闹掰", "决裂", "翻脸", "闹翻"),
        fires_on=("马斯克和奥特曼之间有什么恩怨?",),
    ),
    SynonymGroup(("说", "表示", "称", "宣布", "透露"), fires_on=("奥特曼透露了什么?",)),
    SynonymGroup(("原因", "理由", "为什么", "动机", "缘由"), fires_on=("苏茨克维离开的缘由是什么?",)),
    SynonymGroup(("宣布", "官宣", "公布", "发推"), fires_on=("OpenAI什么时候官宣的?",)),
    SynonymGroup(("竞争对手", "对手", "竞品", "劲敌", "强敌"), fires_on=("OpenAI最大的劲敌是谁?",)),
    SynonymGroup(("首席执行官", "ceo"), fires_on=("OpenAI的首席执行官是谁?",)),
    SynonymGroup(
        ("头衔", "职务", "职位", "职称", "身份", "角色", "岗位", "官职", "担任"),
        fires_on=("穆拉蒂在OpenAI是什么官职?",),
    ),
    SynonymGroup(("国家", "国籍", "哪国人", "祖国"), fires_on=("穆拉蒂的国籍是什么?",)),
    SynonymGroup(("年龄", "岁", "多大", "年纪", "几岁", "多少岁"), fires_on=("奥特曼年纪多大?",)),
    SynonymGroup(("首席技术官", "cto"), fires_on=("OpenAI的CTO是谁?",)),
    SynonymGroup(("联合创始人", "联创", "联合创办人"), fires_on=("OpenAI的联创有谁离职了?",)),
    SynonymGroup(("人工智能", "ai"), fires_on=("马斯克怎么看AI?",)),
    SynonymGroup(("算力", "计算资源", "芯片"), fires_on=("OpenAI缺多少计算资源?",)),
    SynonymGroup(("账号", "帐号", "账户", "帐户"), fires_on=("奥特曼的推特账户是什么?",)),
    SynonymGroup(("推文", "帖子", "发帖", "推特贴文"), fires_on=("奥特曼被解雇后发了什么帖子?",)),
    SynonymGroup(("研究员", "研究人员"), fires_on=("有多少研究人员离职了?",)),
    SynonymGroup(("大模型", "大语言模型", "大型语言模型", "llm"), fires_on=("OpenAI的大型语言模型叫什么?",)),
    SynonymGroup(("规矩", "规则", "惯例", "行规", "潜规则"), fires_on=("硅谷有什么潜规则?",)),
    SynonymGroup(("严苛", "严格", "苛刻"), fires_on=("OpenAI的保密协议有多苛刻?",)),
    SynonymGroup(("私信", "联系", "联络"), fires_on=("马斯克怎么联络奥特曼的?",)),
    SynonymGroup(("家庭", "人家", "住户", "家户"), fires_on=("ChatGPT进入了多少住户?",)),
    SynonymGroup(("相当于", "等于", "等同于", "约等于"), fires_on=("这笔钱等同于多少人民币?",)),
    SynonymGroup(("承诺", "答应", "许诺", "保证"), fires_on=("微软许诺了什么?",)),
    SynonymGroup(("风投", "风险投资", "vc", "创投", "风投机构"), fires_on=("哪些风投机构投资了OpenAI?",)),
    SynonymGroup(("密切", "亲密", "要好", "交好", "铁", "很铁"), fires_on=("奥特曼和纳德拉关系亲密吗?",)),
    SynonymGroup(("仅次于", "输给", "落后于", "只输给"), fires_on=("这个模型输给了谁?",)),
    SynonymGroup(("强", "劲", "强过", "厉害", "胜过", "优于"), fires_on=("哪个模型比GPT-4厉害?",)),
)
SYNONYMS: dict[str, frozenset[str]] = {}
for _group in _SYNONYM_GROUPS:
    for _word in _group.words:
        SYNONYMS[_word] = SYNONYMS.get(_word, frozenset()) | frozenset(_group.words)
