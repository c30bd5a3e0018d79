package org.haolin.demo.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Names of residential areas and compounds as they sound in Fengxian: a place word plus 居民区, and
 * compounds named after the place (一村, 新苑, 花园...). Unique within the town they are drawn for.
 */
final class PlaceNames {

    /** The first residential areas of a town keep these (Haiwan's own), later ones draw from the pool. */
    private static final List<String> FIRST = List.of("海湾", "星火", "海韵", "明城", "燎原");
    private static final List<String> WORDS = List.of(("春晖 金汇 古华 贝港 江海 曙光 育秀 碧秀 解放 南桥 西渡 "
            + "新建 光明 东方 阳光 滨海 金海 奉浦 正阳 绿地 华庭 运河 青村 庄行 钱桥 泰日 齐贤 邬桥 胡桥 柘林 "
            + "新寺 头桥 肖塘 平安 富民 金水 恒盛 惠南 永福 海滨 碧海 望海 临港 兴港 星辰 朝阳 芦苇 滨河 银河 "
            + "花园 景秀 雅苑 翠竹 紫薇 梧桐 桃源 清水 长春 友谊 红旗 建设 团结 和平 幸福 胜利 新华 民乐 同心").split(" "));
    private static final List<String> COMPOUND_SUFFIXES = List.of("一村", "二村", "三村", "新村", "新苑", "花园",
            "苑", "公寓", "家园", "名邸", "雅苑", "小区", "佳苑", "华庭", "东苑", "西苑", "南苑", "北苑");

    private static final String ORDINALS = "〇一二三四五六七八九";

    private final SplittableRandom rng;
    private final Set<String> used = new HashSet<>();

    PlaceNames(SplittableRandom rng) {
        this.rng = rng;
    }

    /** The place word of the n-th residential area of the town. */
    String areaWord(int n) {
        String word = n < FIRST.size() ? FIRST.get(n) : WORDS.get(rng.nextInt(WORDS.size()));
        return unique(word, "居民区").replace("居民区", "");
    }

    String residentialArea(String word) {
        return word + "居民区";
    }

    /** A compound named after its residential area's word most of the time, otherwise after another place. */
    String compound(String areaWord) {
        String word = rng.nextInt(100) < 60 ? areaWord : WORDS.get(rng.nextInt(WORDS.size()));
        for (int attempt = 0; attempt < 50; attempt++) {
            String name = word + COMPOUND_SUFFIXES.get(rng.nextInt(COMPOUND_SUFFIXES.size()));
            if (used.add(name)) {
                return name;
            }
            word = WORDS.get(rng.nextInt(WORDS.size()));
        }
        return unique(word, "小区");
    }

    private String unique(String word, String suffix) {
        String name = word + suffix;
        for (int n = 2; !used.add(name); n++) {
            name = word + ORDINALS.charAt(n % ORDINALS.length()) + suffix;
        }
        return name;
    }
}
