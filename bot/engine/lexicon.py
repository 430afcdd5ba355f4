"""Language knowledge the matcher needs: intent cues, function words, and a small
English-to-Chinese glossary so English questions meet Chinese facts.

Everything here is general vocabulary of questions and of the saga's domain,
never a phrase keyed to one known question.
"""

from __future__ import annotations

import re

from bot.engine.rules import Cue, IntentCue, Rule, TitleRule
from bot.factbase.models import Intent

# "What does X do", "who is X": asks for the person, says nothing of what about them.
_ROLE_QUESTION = r"(?:是)?(?:做|干|搞)(?:什么|啥|嘛)的|何许人也?|什么人|哪路人|(?:什么|啥)(?:来头|背景)"
# Question phrases whose noun only says what kind of answer is wanted: "在哪些公司做过"
# asks for companies, but an answer naming Instagram never says 公司. Taken out of the
# content words along with the role questions above.
QUESTION_PHRASE = Cue(
    "question_phrase",
    re.compile(
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
    re.compile(
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
    re.compile(
        r"^(?:(?:我?想|麻烦)?(?:请问|问)(?:一下)?|我?想知道(?:一下)?|(?:你|您|大家)好|麻烦你?|能不能告诉我|告诉我)+"
        r"|[呀啊呢吧啦哦喔嘛哈]+$"
    ),
    "question",
    "courtesy around a question: taken off before it is compared with phrasings",
    fires_on=("请问一下穆拉蒂什么时候离职", "我想知道奥特曼为什么被解雇", "Ilya去哪了呀"),
    not_on=("穆拉蒂什么时候离职",),
)
COURTESY_RE = COURTESY.pattern

# Checked in this order; a question may carry several intents ("为什么...什么时候").
INTENT_CUES: tuple[IntentCue, ...] = (
    IntentCue(
        # "Which outlet reported it" asks for a source, not a place or a person (see
        # Matcher.analyse): 哪家媒体 is not 哪家公司.
        Intent.SOURCE,
        re.compile(
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
        re.compile(
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
        re.compile(
            r"多少|(?<!哪)几个|(?<!哪)几位|(?<!哪)几名|(?<!哪)几人|多久|多长|多大|(?<![几哪])几年|几倍|几成|比例|百分之|占比|多高"
            r"|几次|几多|几分(?![钟之])|几岁|多少岁|年纪|(?<![哪好第])几[种门款项条部台块张家篇份件只则户]"
            r"|\bhow (?:many|much|long|old|big)\b|\bwhat (?:share|percentage|valuation)\b"
        ),
        fires_on=(
            "OpenAI有多少员工?",
            "How many employees does OpenAI have?",
        ),
        not_on=("哪几位高管离职了?",),
    ),
    IntentCue(
        Intent.WHEN,
        re.compile(
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
        re.compile(rf"谁|哪位|哪些人|边个|哪几位|哪几个人|哪几人|哪几名|{_ROLE_QUESTION}|\bwho(?:m|se)?\b"),
        fires_on=(
            "谁接替了McGrew?",
            "Who replaced McGrew?",
        ),
    ),
    IntentCue(
        Intent.WHERE,
        re.compile(
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
        re.compile(r"怎么|如何|怎样|咋|评价|看法|回应|反应|态度|点样|什么方式|何种方式|\bhow\b"),
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
        re.compile(r"几岁|多少岁|年纪|年龄|今年多大|多大了|\bhow old\b"),
        re.compile(r"岁|出生|年龄"),
        reads="answer",
        fires_on=(
            "Altman今年几岁?",
            "How old is Sam Altman?",
        ),
    ),
    Rule(
        "money",
        re.compile(r"多少钱|多少美元|\bhow much money\b"),
        re.compile(r"美元|元|亿|万"),
        reads="answer",
        fires_on=(
            "那次诈骗损失了多少钱?",
            "How much money did Microsoft invest?",
        ),
    ),
    Rule(
        "people",
        re.compile(r"多少人|(?<!哪)几(?:个人|名|位)|多少名|多少位|\bhow many (?:people|employees|staff)\b"),
        re.compile(r"[\d一二两三四五六七八九十百千万几数]\s*多?\s*(?:名|位|个人|人)|人数|用户"),
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
        re.compile(r"多久|多长时间|\bhow long\b"),
        re.compile(
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
        re.compile(r"多少次|(?<!第)几次|\bhow many times\b"),
        re.compile(r"[\d一二两三四五六七八九十百千万几数]\s*[多余]?\s*次|[两三四五六七八九十]度|\btimes\b"),
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
        re.compile(
            r"占多少|占了多少|占几成|几成|多少比例|多大比例|占比|百分之几|\bwhat (?:share|percentage|percent)\b"
        ),
        re.compile(r"%|％|百分之|分之|[一二两三四五六七八九十\d]成|percent|比例"),
        reads="answer",
        fires_on=(
            "员工里女性占多少?",
            "What share of revenue comes from ChatGPT?",
        ),
    ),
    # a score in points, not a rank ("排在第六名,得分非常接近")
    Rule(
        "score",
        re.compile(r"多少分|几分(?!钟|之)|\bhow many points\b|\bwhat score\b"),
        re.compile(r"[\d一二三四五六七八九十百千]\s*分(?![钟之析歧享别])|\d\s*points?\b"),
        reads="answer",
        fires_on=(
            "这个模型考了多少分?",
            "What score did the model get?",
        ),
        not_on=("几分钟就结束了吗?",),
    ),
)

# A question that asks for a particular detail is answered only by a fact that states it: a
# salary is not answered by a stake in the company, nor the court by what the suit demands,
# nor a valuation by the size of a round. (what the question asks, what a fact stating it says)
ASKED_DETAILS: tuple[Rule, ...] = (
    Rule(
        "salary",
        re.compile(
            r"工资|薪水|薪资|年薪|月薪|薪酬|\bsalary\b|\b(?:get|gets|got|is|was|were|are|be|being) paid\b"
        ),
        re.compile(r"薪|工资|报酬|salary"),
        reads="answer and quotes",
        fires_on=(
            "Altman的年薪是多少?",
            "What is Altman's salary?",
        ),
    ),
    Rule(
        "valuation",
        re.compile(r"估值|\bvaluation\b|\bvalued\b"),
        re.compile(r"估值|valuation|valued"),
        reads="answer and quotes",
        fires_on=(
            "OpenAI现在的估值是多少?",
            "What was OpenAI's valuation?",
        ),
    ),
    # Which court, not a court named in passing ("要求法院宣布…无效" asks what was asked of it).
    Rule(
        "court",
        re.compile(r"[哪什]一?[个家间么]?(?:法院|法庭)|(?:法院|法庭)在哪|\b(?:which|what) (?:court\b|法院)"),
        # a court by its name ("加州高等法院"), not "告上法庭", which says only that he sued
        re.compile(
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
        re.compile(r"[怎如]么?判|判决结果|判了|判得|\bverdict\b|\bcourt rul(?:e|ed|ing)\b"),
        re.compile(r"判决|判处|判定|裁决|verdict|ruled|ruling"),
        reads="answer and quotes",
        fires_on=(
            "这个案子最后怎么判的?",
            "What was the verdict?",
        ),
    ),
    Rule(
        "spouse",
        re.compile(r"妻子|老婆|丈夫|老公|太太|配偶|结婚|婚姻|\bmarried\b|\bwife\b|\bhusband\b|\bspouse\b"),
        re.compile(r"妻|丈夫|老公|太太|配偶|婚|伴侣|married|wife|husband|spouse"),
        reads="answer and quotes",
        fires_on=(
            "穆拉蒂的丈夫是谁?",
            "Is Altman married?",
        ),
    ),
    Rule(
        "weather",
        re.compile(r"天气|下雨|下雪|气温|\bweather\b|\brain\b"),
        re.compile(r"天气|雨|雪|气温|weather"),
        reads="answer and quotes",
        fires_on=(
            "旧金山明天会下雨吗?",
            "What's the weather in San Francisco?",
        ),
    ),
    Rule(
        "advisor",
        re.compile(r"导师|\badvisor\b|\bsupervisor\b"),
        re.compile(r"导师|师从|advisor|supervisor|studied under"),
        reads="answer and quotes",
        fires_on=(
            "伊利亚的博士导师是谁?",
            "Who was Sutskever's advisor?",
        ),
    ),
    Rule(
        "stock",
        re.compile(r"股价|股票代码|\bticker\b|\bstock price\b"),
        re.compile(r"股价|股票代码|ticker|stock"),
        reads="answer and quotes",
        fires_on=(
            "微软的股价是多少?",
            "What is Microsoft's stock price?",
        ),
    ),
    Rule(
        "parameters",
        re.compile(r"参数量|多少参数|\bparameters\b"),
        re.compile(r"参数|parameter"),
        reads="answer and quotes",
        fires_on=(
            "GPT-4的参数量是多少?",
            "How many parameters does GPT-4 have?",
        ),
    ),
    Rule(
        "days",
        re.compile(r"几天|多少天|\bhow many days\b"),
        re.compile(r"[\d一二两三四五六七八九十几数]\s*多?\s*天"),
        reads="answer and quotes",
        fires_on=(
            "希尔当了几天CEO?",
            "How many days was Shear CEO?",
        ),
    ),
    # A city, not a country ("出生在阿尔巴尼亚的哪个城市") nor a company's name.
    Rule(
        "city",
        re.compile(r"哪[个座]?城市|哪个市|什么城市|\b(?:which|what) city\b"),
        re.compile(
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
        re.compile(r"每周|周活|\bweekly\b|\bper week\b|\ba week\b"),
        re.compile(r"每周|周活|一周|weekly|per week"),
        reads="answer and quotes",
        fires_on=(
            "ChatGPT每周有多少活跃用户?",
            "How many weekly users does ChatGPT have?",
        ),
    ),
    # Personal details people ask of anyone famous; the articles give few of them.
    Rule(
        "residence",
        re.compile(r"住在|住哪|居住|定居|\blives?\b|\bliving\b"),
        re.compile(r"住|居|\blive"),
        reads="answer and quotes",
        fires_on=(
            "Altman住在哪里?",
            "Where does Altman live?",
        ),
    ),
    Rule(
        "food",
        re.compile(r"喜欢吃|爱吃|食物|美食|\bfood\b|\beat\b"),
        re.compile(r"吃|食|\bfood\b|\beat"),
        reads="answer and quotes",
        fires_on=(
            "Altman喜欢吃什么?",
            "What food does Altman like?",
        ),
    ),
    Rule(
        "drink",
        re.compile(r"喝(?:的|了|什么|啥)|咖啡|饮料|\bdr[iau]nk\b|\bcoffee\b"),
        re.compile(r"喝|咖啡|茶|饮|\bdr[iau]nk|\bcoffee"),
        reads="answer and quotes",
        fires_on=(
            "他们见面时喝了什么?",
            "Does Altman drink coffee?",
        ),
    ),
    Rule(
        "religion",
        re.compile(r"宗教|信仰|信什么教|\breligio"),
        re.compile(r"宗教|信仰|教徒|religio"),
        reads="answer and quotes",
        fires_on=(
            "Altman有宗教信仰吗?",
            "What religion is Altman?",
        ),
    ),
    Rule(
        "books_films_music",
        re.compile(
            r"(?:喜欢|最爱|爱看|推荐|看过|读过)[^,，。?？]{0,4}书|什么书|哪本书|书单|\bbooks?\b|电影|\bmovies?\b|\bfilms?\b|音乐|歌手|\bmusic\b"
        ),
        re.compile(r"(?<![读念教])书(?!记|长)|\bbook|电影|影片|\bmovie|\bfilm|音乐|歌|\bmusic|\bsong"),
        reads="answer and quotes",
        fires_on=(
            "Mark Chen最喜欢的书是什么?",
            "What movies does Altman like?",
        ),
    ),
    Rule(
        "hobby",
        re.compile(r"爱好|兴趣爱好|业余|\bhobb"),
        re.compile(r"爱好|兴趣|业余|\bhobb"),
        reads="answer and quotes",
        fires_on=(
            "Brockman有什么爱好?",
            "What are Brockman's hobbies?",
        ),
    ),
    Rule(
        "children",
        re.compile(r"孩子|小孩|子女|儿子|女儿|\bkids?\b|\bchildren\b|\bson\b|\bdaughter"),
        re.compile(r"孩子|子女|儿|女儿|\bkid|\bchild|\bson\b|\bdaughter"),
        reads="answer and quotes",
        fires_on=(
            "Altman有孩子吗?",
            "Does Altman have kids?",
        ),
    ),
    Rule(
        "body",
        re.compile(
            r"身高|体重|个子|星座|血型|谁更高|谁比较高|^(?!.*(?:估值|价|收入|营收|比例|分数|排名|融资|薪|评价|地位|期望|要求)).*有多高$|\bheight\b|\btall(?:er)?\b"
        ),
        re.compile(r"身高|体重|米|公斤|星座|血型|\bheight\b|\btall\b"),
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
        re.compile(
            r"[说讲]\S{0,3}(?:几|哪|什么)\S{0,2}语言|几种语言|\blanguages? (?:does|do|did|can) \w+ speak"
        ),
        re.compile(r"[英法德俄日韩中汉阿]语|\bspeaks?\b"),
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
        re.compile(r"用(?:什么|哪种|哪一种|哪个|啥)(?:编程|程序)?语言|\b(?:which|what) programming language"),
        re.compile(
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
        re.compile(r"态度|心情|感受|心态|\bhow did \w+ feel\b|\battitude\b"),
        re.compile(
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
        re.compile(r"穿(?:了|着)?(?:什么|啥)|衣服|服装|穿搭|\bwear(?:ing)?\b|\bwore\b|\boutfit"),
        re.compile(r"穿|衣|服装|\bwear|\bwore\b|\boutfit|\bsuit\b|\bdress"),
        reads="answer and quotes",
        fires_on=(
            "奥特曼在活动上穿了什么?",
            "What did Altman wear?",
        ),
    ),
    # what a bet was for, not that there was one ("员工还在打赌能引来多少用户")
    Rule(
        "stakes",
        re.compile(r"赌注|彩头|赌(?:的是)?(?:什么|啥)|\bthe stakes\b|\bwager"),
        re.compile(r"赌注|彩头|输的人|赢的人|\bstakes\b|\bwager"),
        reads="answer and quotes",
        fires_on=(
            "员工打赌赌的是什么?",
            "What were the stakes of the bet?",
        ),
    ),
    # which wood, not that a statue was wooden ("木雕像")
    Rule(
        "wood",
        re.compile(r"(?:什么|哪种|哪一种|啥)(?:木头|木材|木料)|\bwhat (?:kind of )?wood\b"),
        re.compile(r"[橡松杉柚桦檀楠柏榉枫]木|胡桃木|\b(?:oak|pine|cedar|walnut|teak)\b"),
        reads="answer and quotes",
        fires_on=(
            "雕像是用什么木头做的?",
            "What kind of wood was the effigy made of?",
        ),
    ),
    # who chairs a board: a fact naming someone else in the story does not say who
    Rule(
        "chair",
        re.compile(r"董事长|主席|\bchair(?:man|woman|person)?\b"),
        re.compile(r"董事长|主席|\bchair"),
        reads="answer and quotes",
        fires_on=(
            "OpenAI的董事长是谁?",
            "Who is the chairman of the board?",
        ),
    ),
)

# A question about someone's title ("穆拉蒂在OpenAI是什么职位", "What is McGrew's title?") is
# answered only by a fact that gives that person a title: a title set before their name
# ("首席研究官Bob McGrew") or one they were given ("晋升为首席技术官"), not "扮演的重要角色".
TITLE_ASKED_CUE = Cue(
    "title_asked",
    re.compile(
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
    re.compile(
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
    re.compile(r"讨论|希望|计划|寻求|洽谈|传出|可能|或将|考虑|打算|试图|若(?!干)|如果|假如|倘若"),
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
    re.compile(
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
    re.compile(
        r"\d{1,2}[日号]|[一二三四五六七八九十]+[日号]|周[一二三四五六日末]|星期|当天|同一天|同日|昨天|今天|次日|第二天"
    ),
    "answer",
    "an answer that gives a day",
    fires_on=("2023年11月17日,OpenAI董事会解雇了奥特曼", "次日,他宣布加入微软"),
    not_on=("2024年5月,Ilya宣布离开",),
)
DAY_STATED = DAY_STATED_CUE.pattern

# The single-pattern cues above, for the rule catalogue (docs/rules.md) and its tests.
CUES: tuple[Cue, ...] = (
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
    ),
    TitleRule(
        "cto",
        r"cto|首席技术官|技术长",
        r"cto|首席技术官|技术长",
        r"(?!)",
        fires_on=("微软的CTO是谁?",),
    ),
    TitleRule(
        "president",
        r"总裁|president",
        r"(?<!副)总裁|president",
        r"(?!)",
        fires_on=("微软的总裁是谁?",),
    ),
    TitleRule(
        "chair",
        r"董事长|董事会主席|chairman",
        r"董事长|主席|chairman",
        r"(?!)",
        fires_on=("微软的董事长是谁?",),
    ),
)

# Function words and question scaffolding, removed before content tokens are taken.
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
CJK_STOP_RE = re.compile("|".join(map(re.escape, sorted(CJK_STOP, key=len, reverse=True))))

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
# Replaced in a question before its words are looked up in EN_GLOSSARY.
EN_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:on|taking|take|takes|took|a) (?:an? )?(?:long |extended )?leave\b|\bleave of absence\b"
        ),
        " vacation ",
    ),
    (re.compile(r"\blarge language models?\b|\bllms?\b"), " 大语言模型 "),
    (re.compile(r"\bequity stake\b"), " 股权 "),
    (re.compile(r"\b(?:final|last|farewell) (?:project|work|release)\b|\bswan song\b"), " 收官之作 "),
    (re.compile(r"\bhow large\b"), " how much "),
    (re.compile(r"\b(?:pushed|forced|kicked|thrown) out\b"), " 罢免 "),
    (re.compile(r"\bright (?:after|away)\b"), " after "),
    # "What is Karpathy up to these days" is "卡帕西现在在干嘛": who he is now
    (
        re.compile(
            r"\bwhat(?: is|'s| are| has)? ([^?]{1,30}?) (?:doing|up to|been up to|been doing)\b"
            r"(?: (?:now|these days|nowadays|lately|at the moment|right now))?"
        ),
        r" \1 现在在干嘛 ",
    ),
    (re.compile(r"\bright now\b|\bcurrently\b|\bthese days\b|\bat the moment\b"), " 目前 "),
    # not 副 + 总裁: a vice president is no president
    (re.compile(r"\bsenior vice president\b"), " svp "),
    (re.compile(r"\bvice president\b"), " 副总裁 "),
    (re.compile(r"\bproduct managers?\b"), " 产品经理 "),
    # "bringing him into OpenAI": 让他进入公司
    (re.compile(r"\b(?:bring|brings|bringing|brought)\b(?: \w+)? (?:in|into|on)\b"), " 进入 "),
    # Idioms of casual English, to the words the articles use.
    (re.compile(r"\b(?:broke|break|breaks|broken) (?:the )?(?:news|story)\b"), " 报道 "),
    (re.compile(r"\b(?:jump|jumped|jumps|jumping) ship\b"), " 跳槽 "),
    (re.compile(r"\bpower (?:struggle|grab|fight)\b|\bboardroom (?:drama|coup|fight)\b"), " 宫斗 "),
    # "compared altman to jobs" likens; "compared with" only compares
    (re.compile(r"\b(?:compare|compared|compares|comparing|liken|likened)\b(?=[^?,]{1,40}\bto\b)"), " 比作 "),
    (re.compile(r"\b(?:make|makes|earn|earns|making|earning) (?:a|per|each) year\b"), " salary "),
    # "how big is his pool" asks a size; "how big a stake" an amount
    (re.compile(r"\bhow big (?=is|are|was|were)\b"), " 多大 "),
    (re.compile(r"\bhow big\b"), " how much "),
    (re.compile(r"\b(?:going|gone|been|went) through\b"), " 经历 "),
    (re.compile(r"\b(?:work|working|works) on\b"), " 致力于 "),
    # "who's taking over research": 接替; "taking over as svp" is becoming one
    (re.compile(r"\b(?:take|takes|taking|took|taken) over\b(?! as\b)"), " 接替 "),
    (re.compile(r"\b(?:a |an )?(?:long |extended )?(?:break|time off)\b"), " vacation "),
    (re.compile(r"\b(?:the )?end of (?:the|this) year\b|\byear[- ]end\b"), " 年底 "),
    (
        re.compile(
            r"\b(?:start|started|starts|found|founded) (?:something|a company|his own \w+|her own \w+)\b"
        ),
        " 创立 公司 ",
    ),
    (re.compile(r"\bnext (?:big )?(?:ai )?model\b"), " 下一代 大语言模型 "),
    (re.compile(r"\b(?:always|kept|keeps) (?:going|saying|chanting)\b"), " 口头禅 "),
    (re.compile(r"\bfeel the agi\b"), " 感受agi "),
)


def english_phrases(text: str) -> str:
    for pattern, replacement in EN_PHRASES:
        text = pattern.sub(replacement, text)
    return text


# English domain words to the Chinese words the facts use. A bridge for English
# questions, applied to the query only.
EN_GLOSSARY: dict[str, str] = dict(
    pair.split("=", 1)
    for pair in """
    account=账号  accounts=账号  acquire=收购  active=活跃  age=年龄  agreement=协议  aim=目标
    albania=阿尔巴尼亚  alignment=对齐  all-hands=全体员工  amazon=亚马逊  angry=怒  announce=宣布  announced=宣布
    application=应用  applied=应用  appoint=任命  appointed=任命  ask=要求  asked=要求  attention=attention
    autopilot=autopilot    billion=亿  birth=出生  blog=博文  board=董事会  born=出生
    burn=烧  burned=烧  call=会议  called=叫  canada=加拿大  candid=坦诚  capital=首都
    cash=套现  catchphrase=口头禅  center=中心  centrist=中间派  ceo=ceo  chant=高呼  chatbot=聊天机器人
    chief=首席  children=孩子  close=密切  cloud=云计算  co-found=创办  co-founded=联合创始人  co-founder=联合创始人  cofounder=联合创始人
    companies=公司  company=公司  compensation=报酬  competitor=竞品  competitors=对手  compute=算力  computing=算力  conference=大会
    confidence=信心  conflict=冲突  contributed=贡献  contribution=贡献  country=国家  coupon=优惠  court=法院
    credit=优惠  criticise=批评  criticised=批评  criticism=批评  criticize=批评  criticized=批评  cto=首席技术官
    contact=联系  culture=文化  custom=定制  dad=父亲  data=数据  date=日期  days=天  deal=协议
    decision=决定  decisions=决定  declare=裁定  degree=学位  describe=形容  described=形容  demand=要求  demanded=要求  depart=离职  departed=离职  departure=离职
    departures=离职  devday=开发者大会  develop=开发  developer=开发者  developing=开发  disagree=分歧  disagreement=分歧
    disagreements=分歧  disbanded=解散  dissolved=解散  document=文件  documents=文件  dozens=数十名  education=学位
    effigy=木雕像  emigrated=移居  emoji=emoji  employee=员工  employees=员工  energy=耗能  engineer=工程
    executive=高管  executives=高管  engineering=工程  engineering-degree=学位  equity=股权  exit=离职  explain=解释  famous=论文  father=父亲
    fight=斗争  fire=解雇  fired=解雇  first=首次  fittest=适者生存  for-profit=营利  found=创立
    founded=创立  founder=创始人  founders=创始人  francisco=旧金山  fraud=诈骗  friday=周五  funding=融资
    flag=目标  furious=怒  goal=目标  google=谷歌  gpts=gpt  graduate=毕业  graduated=毕业  harvard=哈佛
    head=负责人  headcount=员工  headquarters=总部  homes=家庭  honest=坦诚  hours=小时  households=家庭
    husband=丈夫  immigrated=移居  imprint=印  imprinting=印  income=收入  influence=影响力  instinct=天性
    interim=临时  intern=实习  internship=实习  invalid=无效  invest=投资  investment=投资  investor=投资者
    investors=投资者  job=工作  join=加入  join-microsoft=微软  joined=加入  joins=加入  joke=笑话
    jokes=笑话  launch=发布  launched=发布  laws=定律  lawsuit=起诉  lead=领导  leader=负责人
    leads=领导  leave=离开  leave-of-absence=休假  leaving=离开  led=领导  left=离开  letter=联名信
    license=许可  lose=亏损  loss=亏损  losses=亏损  married=结婚  math=数学  mathematics=数学
    mechanical=机械  media=媒体  meeting=会议  memo=备忘录  mentor=师从  merge=合并  merger=合并
    meet=见面  met=见面  message=信息  microsoft=微软  middle=中间派  million=百万  mission=使命  mit=麻省理工  model=模型
    mom=母亲  money=钱  monthly=月活  months=月  mother=母亲  moved=移居  multimodal=多模态
    name=名字  named=任命  nda=协议  new=新  next-gen=下一代  next-generation=下一代  non-profit=非营利  nonprofit=非营利
    old=年龄  online=线上  oust=罢免  ousted=罢免  outlet=媒体  paid=报酬  paper=论文
    partner=合作  partners=合作  partnership=合作  partnerships=合作  paperwork=文件  parent=父亲  parents=父亲  party=派对  pay=报酬  percent=%  percentage=%
    physics=物理  pool=游泳池  post=发文  posted=发文  power=权力  president=总裁  price=价格
    priorities=优先  priority=优先  process=流程  processes=流程  product=产品  products=产品  profit=营利
    promoted=晋升  promotion=晋升  quantitative=量化  quit=离职  quits=离职  raise=融资  reason=原因
    reasoning=推理  receive=收到  received=收到  reduce=削弱  rehired=重聘  release=发布  released=发布
    removed=罢免  replace=接替  replaced=接替  report=汇报  reports=汇报  research=研究  researcher=研究员
    resign=辞职  resignation=辞职  resigned=辞职  restructure=重组  restructuring=重组  return=回归  returned=回归
    returns=回归  reveal=透露  revealed=透露  revenue=收入  rival=对手  rivals=对手  role=职位
    round=融资  sabbatical=休假  sacked=解雇  safety=安全  safety-first=安全  said=表示  salary=报酬
    sanfrancisco=旧金山  say=表示  scaling=缩放  scam=诈骗  scholar=学者  school=学院  scientist=科学家
    sell=出售  share=占比  shares=股权  shiny=产品  sign=签  signature=签名  signed=签
    slogan=口头禅  sold=出售  speed=速度  staff=员工  staff-wide=全体员工  stake=股权  start=创立
    started=创立  startup=公司  statue=雕像  stock=股票  struggle=斗争  student=学生  studied=学
    study=学  succeed=接替  successor=接替  sue=起诉  sued=起诉  suing=起诉  superalignment=超级对齐
    survival=生存  rumor=传言  rumour=传言  rumors=传言  ship=发布  shipped=发布  wrap=收官
    leading=领导  keeps=继续  early=提前  talks=洽谈  talk=洽谈  history=前科  swimming=游泳池
    boss=上司  grow=增加  grew=增加  growth=增加
    models=模型  shipping=发布  ships=发布  launching=发布  releasing=发布  recently=最近  lately=最近
    tweets=推文  tweeted=推文  robotics=机器人  robot=机器人  robots=机器人  quitting=离职  dev=开发者
    svp=高级副总裁  shakeup=调整  shake-up=调整  building=开发  build=开发  builds=开发
    teacher=师从  team=团队  tension=矛盾  tesla=特斯拉  thank=感谢  thanked=感谢  thanks=感谢  threat=威胁
    threaten=威胁  threatened=威胁  title=职位  trust=信任  trusted=信任  tweet=推文  understand=理解  unicorn=独角兽
    university=大学  unlikely=不太可能  user=用户  users=用户  vacation=休假  valuation=估值  value=估值
    valued=估值  venture=企业  vice=副总裁  video=视频  video-call=线上会议  vision=视觉  visiting=访问
    vp=副总裁  weaken=削弱  weather=天气  weekly=每周  weeks=周  why=原因  wife=妻子
    wooden=木雕像  work=工作  worked=工作  working=工作  workers=员工  worth=估值  write=写  wrote=写  year=年
    years=年  guess=猜测  guessed=猜测  speculate=猜测  speculated=猜测  speculation=猜测
    feel=感觉  feels=感觉  felt=感觉  kids=孩子  position=职位
    discuss=讨论  discussed=讨论  discussing=讨论  give=授予  gave=授予  giving=授予  grant=授予  granting=授予
    poland=波兰  polish=波兰  computer=计算机
    """.split()
)

# Cantonese words (in simplified form) to the Mandarin the facts are written in, so
# "Schulman同Altman喺边度识" meets the phrasings of "在哪里认识". Longest first.
_CANTONESE = """
    边度=哪里 边间=哪家 边个=谁 点解=为什么 点样=怎样 几时=什么时候 几多=多少 乜嘢=什么
    佢哋=他们 唔系=不是 屋企=家 做嘢=工作 嘢=东西 喺=在 嘅=的 咗=了 佢=他 冇=没有 咩=什么 乜=什么 嗰=那
    唔=不 揾=找 俾=给 畀=给 睇=看 啲=些 咁=这么
    而家=现在 几耐=多久 边位=哪位 搞紧=在搞 做紧=在做 讲紧=在讲 谂紧=在想 谂=想 老豆=父亲 老窦=父亲
    系咩=是什么 系边个=是谁 系唔系=是不是 点算=怎么办 阿妈=母亲 阿爸=父亲 咩名=什么名字
    嗰阵=那时 嗰时=那时 点讲=怎么说 会点=会怎样 拣=选 落台=下台 联署=联名
    份工=工作 辞工=辞职 但系=但是 成日=经常 话佢=说他
    系咪=是不是 俾人=被 话佢知=告诉他 老细=老板 好得=很得 边日=哪天 放紧=在放 净系=只是 输俾=输给
    返工=上班 返紧工=在上班 读紧书=在读书 劲过=强过
    同人=跟人 搞咗间=创办了 开咗间=创办了 咩公司=什么公司 佢话=他说 㗎=啊 喎=啊 啫=啊
""".split()
# Taiwan words (in simplified form) for what the facts call otherwise: 甚麼 is 什么, a 财务长
# is a 首席财务官.
_TAIWAN = """
    甚么=什么 财务长=首席财务官 技术长=首席技术官 营运长=首席运营官 产品长=首席产品官 研究长=首席研究官
    社群平台=社交平台 社群媒体=社交媒体 社群网站=社交网站 新创=初创 新创公司=初创公司 使用者=用户
""".split()
# Northern colloquial question words: phrasings mostly say 什么 and 怎么, and "用啥办法" should
# look as much like "用什么办法" as the words do. 他爸 is one word to jieba, so it is spelt out
# here; 爸爸 alone is a synonym of 父亲 below.
_COLLOQUIAL = (
    "头一回=第一次 头一次=第一次 啥=什么 咋=怎么 他爸=他父亲 她爸=她父亲 他妈=他母亲 她妈=她母亲".split()
)
REGIONAL_TO_MANDARIN: dict[str, str] = dict(
    pair.split("=", 1) for pair in (*_CANTONESE, *_TAIWAN, *_COLLOQUIAL)
)
REGIONAL_RE = re.compile("|".join(sorted(map(re.escape, REGIONAL_TO_MANDARIN), key=len, reverse=True)))


def to_mandarin(key: str) -> str:
    """Cantonese function and question words, and Taiwan words, replaced by the Mandarin the
    facts use."""
    return REGIONAL_RE.sub(lambda m: REGIONAL_TO_MANDARIN[m.group()], key)


# Function characters that jieba leaves glued to a content word ("签了", "后要"): trimmed
# from both ends of a token before it is looked up.
EDGE_PARTICLES = frozenset("了的着过后要会吗呢吧在是把被就也都还又很")

# Groups of words the articles and users use for the same thing. A query word finds a
# fact when the fact uses any word of its group.
_SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
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
    ("加入", "入职", "加盟", "投奔", "投靠", "去了", "招进", "招入", "招揽", "进", "进入", "进来"),
    ("创立", "创办", "成立", "创建", "组建", "创设", "创"),  # not 建立: 建立合作关系 founds nothing
    ("任命", "担任", "出任", "接任", "聘请", "上任", "就任", "当", "当上", "成为"),
    ("回归", "回来", "重返", "复职", "重聘", "返回", "回到", "迎回", "回锅", "归队"),
    ("接替", "接任", "继任", "取代", "接手", "接班"),
    ("估值", "身价"),
    ("员工", "雇员", "职员", "人数", "员工数", "人员", "打工人"),
    ("收入", "营收", "营业收入", "进账"),
    ("亏损", "亏钱", "赔钱", "亏"),
    ("出生", "生于", "出生于", "生日", "出世"),
    ("毕业", "学位", "就读", "念书", "读书"),
    ("父亲", "爸爸", "老爸", "父母"),
    ("母亲", "妈妈", "老妈", "父母"),
    ("协议", "合同", "条款"),
    ("家里", "家中", "他家", "她家", "家"),
    ("起诉", "诉讼", "告上法庭", "告", "控告", "状告", "提告", "官司", "打官司"),
    ("批评", "指责", "抨击", "不满", "炮轰", "坏话", "数落", "吐槽"),
    ("撤诉", "撤回", "撤", "撤案", "撤告"),
    ("评价", "看法", "认为", "称", "形容", "怎么看"),
    ("形容", "描述", "描绘", "比作", "比喻", "打比方", "比方", "类比"),
    ("师从", "师父", "老师", "恩师"),  # "他的师父是谁" asks whom he studied under
    ("目标", "使命", "任务"),
    ("负责", "领导", "主管", "带领", "掌管", "负责人", "领头", "管", "带"),
    ("解散", "解体", "散伙"),
    ("发布", "推出", "上线", "发表", "公布", "问世", "发出"),
    ("准备", "筹备", "预备", "打算"),
    ("产品经理", "pm"),
    ("策略", "手段", "手法", "招数"),
    ("本来", "原本", "原先", "本打算"),
    ("改用", "选用", "换成", "换用"),
    ("休假", "放假", "休息", "长假", "休长假"),
    ("投资", "注资", "投资者", "投资人", "金主", "掏钱", "出钱", "投钱"),
    ("融资", "募资", "筹款", "筹集", "筹资"),
    ("股权", "股份", "持股"),
    ("合并", "并购", "收购"),
    ("担忧", "担心", "忧虑"),
    ("工作", "任职", "就职", "上班", "做事", "担任", "待", "待过"),
    ("心情", "感觉", "感到", "心态", "情绪", "觉得"),
    ("矛盾", "冲突", "分歧", "不和", "摩擦", "恩怨", "过节", "争执", "闹掰", "决裂", "翻脸", "闹翻"),
    ("说", "表示", "称", "宣布", "透露"),
    ("原因", "理由", "为什么", "动机", "缘由"),
    ("宣布", "官宣", "公布", "发推"),
    ("竞争对手", "对手", "竞品", "劲敌", "强敌"),
    ("首席执行官", "ceo"),
    ("头衔", "职务", "职位", "职称", "身份", "角色", "岗位", "官职", "担任"),
    ("国家", "国籍", "哪国人", "祖国"),
    ("年龄", "岁", "多大", "年纪", "几岁", "多少岁"),
    ("首席技术官", "cto"),
    ("人工智能", "ai"),
    ("算力", "计算资源", "芯片"),
    ("账号", "帐号", "账户", "帐户"),
    ("推文", "帖子", "发帖", "推特贴文"),
    ("研究员", "研究人员"),
    ("大模型", "大语言模型", "大型语言模型", "llm"),
    ("规矩", "规则", "惯例", "行规", "潜规则"),
    ("严苛", "严格", "苛刻"),
    ("私信", "联系", "联络"),
    ("家庭", "人家", "住户", "家户"),
    ("相当于", "等于", "等同于", "约等于"),
    ("承诺", "答应", "许诺", "保证"),
    ("风投", "风险投资", "vc", "创投", "风投机构"),
    ("密切", "亲密", "要好", "交好", "铁", "很铁"),
    ("仅次于", "输给", "落后于", "只输给"),
    ("强", "劲", "强过", "厉害", "胜过", "优于"),
)
SYNONYMS: dict[str, frozenset[str]] = {}
for _group in _SYNONYM_GROUPS:
    for _word in _group:
        SYNONYMS[_word] = SYNONYMS.get(_word, frozenset()) | frozenset(_group)
