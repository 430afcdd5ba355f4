"""What answers of several facts say of their own, in canonical simplified Chinese (the engine
converts them to the asker's script)."""

from __future__ import annotations

from typing import Final

COVERS: Final = "五篇文章点名的{what}共{count}位(按时间):"
COVERS_ORGS: Final = "五篇文章提到的{what}共{count}家(按时间):"
# Only the releases the articles date: one they mention in passing ("我们最近发布的…") is no event.
COVERS_RELEASES: Final = "文章写明发布时间的{what}共{count}项(按时间;顺带提到、未写时间的不在其列):"
COUNT_STATED: Final = "文章称{span}共有{count}位{what},以上只是文章点名的{named}位,并非全部。"
COUNT_UNNAMED: Final = "另有{note}"
UNDATED: Final = "时间未说明"
STILL_THERE: Final = "仍在{org}"
LEFT: Final = "{date}离开{org}"
HELD: Final = "离开时任{title}"
POSTS: Final = "职位:{titles}"
OCCASIONS: Final = "文章写明日期的共{count}次(按时间;同一天的报道算一次):"
DESCRIBED: Final = "五篇文章提到是{noun}的共{count}位(文章点名的,未必是全部):"
RETURNED: Final = "{date}回归{org}"
JOINED: Final = "{date}加入{org}"
THEN: Final = ",去向:{where}"
CONFLICT: Final = "各文章说法不一:"
COARSE: Final = "同期,日期只精确到月/年:"
ROLE_AT: Final = "{when}{org}的{title}:"
ROLE_ALL: Final = "文章提到的{org}的{title}(按上任先后):"
ROLE_NEXT: Final = (
    "文章提到的{org}{title}中,任期在{who}{side}的(由近及远,按文章给出的日期;文章没有说是否直接接替):"
)
ROLE_NEXT_NONE: Final = "文章没有提到{who}{side}谁任{org}的{title}。"
TITLES: Final = "文章提到的{who}{at}担任过的职位(按时间):"
TITLES_AT: Final = "文章提到的{when}{who}{at}担任的职位:"
TITLES_NONE_SURE: Final = "文章给出的任期不足以确定,以下职位可能在任:"
ROLE_NONE: Final = "文章没有提到{when}{org}的{title}是谁。"
FROM_TO: Final = "{start}至{end}"
SINCE: Final = "{start}起"
UNTIL: Final = "至{end}"
ORDER: Final = "{first}先{verb}({first_date}),{second}后{verb}({second_date})。"
ORDER_STATED: Final = "两人都在{date}{verb},文章明确说{first}在先、{second}在后。"
ORDER_SAME: Final = "{dates},文章没有说谁先{verb},我无法判断先后。"
# Two dates that overlap at the precision known: both coarse alike, or one finer than the other.
BOTH_IN: Final = "两{what}都在{date}"
BOTH_IN_COARSE: Final = "两{what}都在{date}(日期只精确到{precision})"
ONE_COARSER: Final = "{fine_who}在{fine},{coarse_who}只知道在{coarse}(文章只精确到{precision})"
EVENTS_BEFORE: Final = "你问的第一件事{first}({first_date})在第二件事{second}({second_date})之前,先发生。"
EVENTS_AFTER: Final = "你问的第一件事{first}({first_date})在第二件事{second}({second_date})之后,后发生。"
EVENTS_SAME: Final = "{dates},文章没有说哪件在前,我无法判断先后。"
INFERRED_SPAN: Final = "约{low}至{high}间"
INFERRED_FROM: Final = "(文章未给出日期,由文中「{quote}」按发文日期推算)"
ORDER_OVERLAP: Final = "按文章给出的日期和推算,{first}和{second}{verb}的时间可能重叠,无法判断先后。"
ORDER_UNKNOWN: Final = "文章没有提到{who}{verb}的时间,无法比较先后。"
EXTREME: Final = "{scope}中最{which}{verb}的是{names}({date})。"
EXTREME_TIE: Final = "{scope}中最{which}{verb}的有{names},都在{date},文章没说谁更{which}。"
GAP_DAYS: Final = "相隔{days}天:{first}是{first_date},{second}是{second_date}。"
GAP_ROUNDED: Final = "折合约{amount}。"
GAP_COARSE: Final = (
    "约相隔{amount}({first}是{first_date},{second}是{second_date};日期只精确到{precision},无法算得更精确)。"
)
GAP_SAME: Final = "{dates},文章没有给出更精确的日期,无法计算相隔多久。"
TENURE: Final = (
    "{who}{joined}加入{org},{left}离开,在{org}约{amount}(按文章给出的日期计算,只精确到{precision})。"
)
IN_BETWEEN: Final = "其间:{date}加入{where}"
ROLE_SPAN: Final = (
    "{who}{start}任{title},{end}卸任,任期约{amount}(按文章给出的日期计算,只精确到{precision})。"
)
ROLE_SPAN_UNKNOWN: Final = "文章没有给出{who}{what}担任{org}{title}的时间,无法计算任期。"
STATED: Final = "文章给出的时长:"
TENURE_UNKNOWN: Final = "文章没有给出{who}{what}的时间,无法计算他在{org}待了多久。"
DIGEST: Final = "关于{subject},文章里最主要的几件事(按时间):"
FITTING: Final = "文章里和你问的相关的几条(按时间):"
DIGEST_SPAN: Final = "{span}文章记载的事件:"
DAY_UNKNOWN: Final = "文章只说{what}在{date}(只精确到{precision}),没有给出具体哪一天。"
SECOND_UNDATED: Final = "文章提到{who}第二次{verb}{org},但没有给出时间。"
NO_COUNT: Final = "文章没有给出确切人数。"
COUNT_MISMATCH: Final = "文章点名的相关人物有{named}位,与你问的人数不符,不能当作那份名单。"
NO_NAMES: Final = "文章没有给出{what}的名字。"
YEAR: Final = "年"
MONTH: Final = "月"
DAY: Final = "日"
# A founder's join, dated by the organisation's founding (no article dates it otherwise).
ORDER_NOT_STATED: Final = "文章提到了{who}的这两件事,但没有说哪件在先,我无法判断先后。"
BESIDES: Final = "除{names}外,"
AT_FOUNDING: Final = "(创始团队成员,按{org}成立的时间)"
ON_DAY: Final = "文章记载的{date}{about}的事(按文章给出的日期):"
ON_DAY_ABOUT: Final = "与{names}有关"
# Holders who may or may not have held the post then: a start or end known only to the month
# or year, or an end the articles do not give.
ROLE_MAYBE: Final = "同期可能在任(任期起止只精确到月/年,或文章未给出何时卸任):"
ONE_FACT_LISTS: Final = "文章里列出这些的一条(文章提到的就是这些,未必是全部):"
GROUP_SCOPE: Final = "「{group}」({members})"
# A team's members are only those the articles name: the head says so.
GROUP_NAMED: Final = "文章点名的{group}成员({members})"
BY: Final = "到{date}为止,"
GROUP_LEFT: Final = "{scope}中,{by}已离开{org}的有{count}位(按时间):"
GROUP_NONE_LEFT: Final = "{scope}中,{by}文章没有提到有人离开{org}(离开后又回归的不算)。"
GROUP_STILL: Final = "其余的{names}仍在{org}(离开后又回归的算作仍在)。"
GROUP_NOT_YET: Final = "其余的{names}那时没有离开{org}(或离开后又回归)。"
GROUP_EARLIER: Final = "{names}在那之前已离开{org}。"
GROUP_STAYED: Final = "{scope}中,{by}仍在{org}的有{count}位:"
GROUP_NONE_STAYED: Final = "{scope}中,{by}已没有人仍在{org}。"
GROUP_GONE: Final = "已离开{org}的:{names}。"
RETURNED_NOT_COUNTED: Final = "{names}曾离开后又回归{org},未算作离开。"
