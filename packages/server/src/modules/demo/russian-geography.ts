/** A city clients are in: its region (the deal territory), phone area codes and weight. */
export interface City {
  city: string;
  region: string;
  /** Area codes of fixed lines; their length plus the subscriber number is always 10 digits. */
  areaCodes: readonly string[];
  /** For plant names: «Казанский механический завод». */
  adjective: string;
  /** Relative number of clients there. */
  weight: number;
  /** The macro-region a regional sales department covers. */
  macro: string;
}

// city | region | area codes | adjective | weight | macro-region
const TABLE = `
Москва|г. Москва|495,499|Московский|34|Москва
Химки|Московская область|495,498|Химкинский|3|Москва
Подольск|Московская область|4967|Подольский|3|Москва
Мытищи|Московская область|495,498|Мытищинский|2|Москва
Санкт-Петербург|г. Санкт-Петербург|812|Петербургский|9|Северо-Запад
Калининград|Калининградская область|4012|Калининградский|1.5|Северо-Запад
Великий Новгород|Новгородская область|8162|Новгородский|1|Северо-Запад
Екатеринбург|Свердловская область|343|Уральский|5|Урал
Челябинск|Челябинская область|351|Челябинский|3.5|Урал
Пермь|Пермский край|342|Пермский|3|Урал
Тюмень|Тюменская область|3452|Тюменский|2.5|Урал
Уфа|Республика Башкортостан|347|Уфимский|3|Поволжье
Казань|Республика Татарстан|843|Казанский|4|Поволжье
Нижний Новгород|Нижегородская область|831|Нижегородский|3.5|Поволжье
Самара|Самарская область|846|Самарский|3|Поволжье
Ижевск|Удмуртская Республика|3412|Ижевский|1.5|Поволжье
Новосибирск|Новосибирская область|383|Новосибирский|4|Сибирь
Омск|Омская область|3812|Омский|2|Сибирь
Красноярск|Красноярский край|391|Красноярский|2.5|Сибирь
Иркутск|Иркутская область|3952|Иркутский|1.5|Сибирь
Ростов-на-Дону|Ростовская область|863|Ростовский|3|Юг
Краснодар|Краснодарский край|861|Краснодарский|3|Юг
Волгоград|Волгоградская область|8442|Волгоградский|2|Юг
Воронеж|Воронежская область|473|Воронежский|2.5|Центр
Тула|Тульская область|4872|Тульский|1.5|Центр
Ярославль|Ярославская область|4852|Ярославский|1.5|Центр
Хабаровск|Хабаровский край|4212|Хабаровский|1|Дальний Восток
Владивосток|Приморский край|423|Приморский|1.2|Дальний Восток
`;

export const CITIES: readonly City[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [city, region, codes, adjective, weight, macro] = line.split('|') as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return { city, region, areaCodes: codes.split(','), adjective, weight: Number(weight), macro };
  });

export const CITY_WEIGHTS: readonly number[] = CITIES.map((c) => c.weight);

/** The macro-regions in the order departments of dataset M are made for them. */
export const MACROS: readonly string[] = [...new Set(CITIES.map((c) => c.macro))];

/** Mobile operator codes (DEF codes) in wide use; each is valid for +7 9xx numbers. */
export const MOBILE_CODES = `903 905 906 909 910 912 915 916 917 919 920 921 925 926 927 929 950 951 952 953
  960 961 962 963 964 965 977 980 981 982 983 985 987 988 989 999`
  .split(/\s+/)
  .filter(Boolean);
