package org.haolin.demo.internal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible Chinese names: surnames weighted as they are common among long-time Fengxian families or
 * among people who came from other provinces; given names of one or two characters in the fashion of the
 * decade the person was born in.
 */
final class NameGenerator {

    /** Surnames frequent in Fengxian and the Shanghai suburbs (沈, 陆, 顾, 奚, 褚 more than elsewhere). */
    private static final Weighted<String> LOCAL_SURNAMES = Weighted.parse("""
            张:9 王:7 陈:7 朱:6 徐:6 沈:6 陆:6 顾:5 周:5 李:4 金:4 吴:4 蔡:4 杨:3 黄:3 姚:3 唐:3 钱:3 范:3
            奚:2 褚:2 潘:2 孙:2 胡:2 俞:2 庄:2 邵:2 马:2 何:2 施:2 倪:2 曹:2 许:2 卫:1 乔:1 瞿:1 夏:1 费:1
            汤:1 龚:1 戴:1 叶:1 屠:1 邱:1 宋:1 赵:1 秦:1 高:1 严:1 谈:1""");

    /** Surnames by national frequency, for residents from other provinces. */
    private static final Weighted<String> NATIONAL_SURNAMES = Weighted.parse("""
            王:10 李:10 张:9 刘:7 陈:6 杨:5 黄:3 赵:3 吴:3 周:3 徐:2 孙:2 马:2 朱:2 胡:2 郭:2 何:2 高:2 林:2
            罗:2 郑:1 梁:1 谢:1 宋:1 唐:1 许:1 韩:1 冯:1 邓:1 曹:1 彭:1 曾:1 肖:1 田:1 董:1 袁:1 潘:1 于:1
            蒋:1 蔡:1 余:1 杜:1 叶:1 程:1 苏:1 魏:1 吕:1 丁:1 任:1 姚:1 卢:1 姜:1 崔:1 钟:1 谭:1 汪:1 范:1""");

    private static final List<String> OLD_MALE = words("""
            建国 国庆 国华 金龙 根宝 福根 永明 德明 志明 国强 明华 家良 荣根 兴华 金林 水根 美龙 金宝 炳元
            雪根 文龙 林生 伯泉 关林 金福 士明 连生 龙根 仁德 明 华 林 龙 福 根 强 忠 荣 章""");
    private static final List<String> OLD_FEMALE = words("""
            秀英 桂英 凤英 玉兰 美华 金妹 彩娣 惠珍 菊英 杏娣 月娥 雪珍 素珍 美英 桂芳 秀珍 金娣 阿妹 根娣
            月英 梅芳 凤珍 小妹 爱珍 杏英 英 兰 珍 芳 娣 妹 琴""");
    private static final List<String> MIDDLE_MALE = words("""
            建华 建平 卫东 志强 海峰 晓东 国平 建军 文斌 永刚 伟民 卫国 勇军 国栋 春雷 学军 振华 明辉 海涛
            伟 军 勇 强 磊 斌 杰 峰 涛 明 刚 平 辉 俊 超 亮 军 华 波""");
    private static final List<String> MIDDLE_FEMALE = words("""
            丽华 红梅 海燕 春燕 晓红 雪梅 卫红 美玲 秀芳 丽萍 建英 玉芳 晓燕 红英 美芳 丽娟 惠英 春花 冬梅
            敏 丽 红 燕 霞 静 芳 娟 萍 玲 英 慧 琴 艳 洁 华 莉""");
    private static final List<String> YOUNG_MALE = words("""
            俊杰 浩然 子轩 宇航 梓豪 一鸣 思远 天佑 博文 俊熙 子墨 晨阳 皓轩 志远 嘉豪 文博 奕辰 铭泽 宇轩
            家乐 诚 浩 宇 轩 杰 涛 昊 晨 睿 哲 凯 阳 翔 鹏""");
    private static final List<String> YOUNG_FEMALE = words("""
            欣怡 梓涵 诗涵 雨桐 子涵 可馨 思琪 佳怡 雨萱 一诺 若汐 梦琪 语嫣 紫萱 晓雯 佳琪 静怡 欣妍 雨婷
            嘉怡 婷 欣 怡 琳 雯 悦 洁 妍 倩 颖 瑶 蕾""");

    private final SplittableRandom rng;

    NameGenerator(SplittableRandom rng) {
        this.rng = rng;
    }

    String surname(boolean migrant) {
        return (migrant ? NATIONAL_SURNAMES : LOCAL_SURNAMES).draw(rng);
    }

    String fullName(String surname, char sex, int birthYear) {
        return surname + givenName(sex, birthYear);
    }

    String givenName(char sex, int birthYear) {
        List<String> pool;
        if (birthYear < 1956) {
            pool = sex == 'M' ? OLD_MALE : OLD_FEMALE;
        } else if (birthYear < 1986) {
            pool = sex == 'M' ? MIDDLE_MALE : MIDDLE_FEMALE;
        } else {
            pool = sex == 'M' ? YOUNG_MALE : YOUNG_FEMALE;
        }
        return pool.get(rng.nextInt(pool.size()));
    }

    static boolean isKnownSurname(String name) {
        return LOCAL_SURNAMES.values().contains(name.substring(0, 1))
                || NATIONAL_SURNAMES.values().contains(name.substring(0, 1));
    }

    private static List<String> words(String text) {
        return List.of(text.trim().split("\\s+"));
    }
}
