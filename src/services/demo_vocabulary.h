#pragma once
// The vocabulary of the demo company (names, cities, products, interactions), shared by
// the demo generator and the load-benchmark generator so that both make the same kind of
// data.

#include <cstddef>
#include <random>

namespace chaincrm::services::demo {

constexpr const char* kSurnames[] = {"Wang", "Li",  "Zhang", "Liu", "Chen", "Yang", "Huang",
                                     "Zhao", "Wu",  "Zhou",  "Xu",  "Sun",  "Ma",   "Zhu",
                                     "Hu",   "Guo", "He",    "Lin", "Luo",  "Gao"};
constexpr const char* kGiven[] = {"Wei",  "Fang", "Na",   "Min",  "Jing", "Lei",   "Yan",
                                  "Jun",  "Tao",  "Ming", "Xiu",  "Hui",  "Qiang", "Ping",
                                  "Ying", "Hao",  "Yu",   "Chen", "Bo",   "Lan"};
constexpr const char* kCnSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
constexpr const char* kCnGiven[] = {"伟", "芳", "娜", "敏", "静", "磊", "燕", "军", "涛", "明"};
constexpr const char* kWestern[] = {"Anna Schmidt", "José Müller", "Olivia Brown", "Lucas Martin",
                                    "Sofia Rossi",  "Noah Wilson", "Emma Dubois",  "Liam O'Brien"};
constexpr const char* kCities[][3] = {
    {"Hangzhou", "杭州", "Zhejiang"},  {"Shanghai", "上海", "Shanghai"},
    {"Suzhou", "苏州", "Jiangsu"},     {"Guangzhou", "广州", "Guangdong"},
    {"Shenzhen", "深圳", "Guangdong"}, {"Beijing", "北京", "Beijing"},
    {"Ningbo", "宁波", "Zhejiang"},    {"Chengdu", "成都", "Sichuan"}};
constexpr const char* kOrgKinds[][2] = {{"Apparel", "服装"},  {"Fashion", "时装"},
                                        {"Textiles", "纺织"}, {"Uniforms", "制服"},
                                        {"Trading", "贸易"},  {"Retail", "零售"}};
struct Product {
  const char* sku;
  const char* name;
  double price;  // CNY
};
constexpr Product kConsumerProducts[] = {{"SH-MTM", "Made-to-measure shirt", 399},
                                         {"SU-MTM", "Made-to-measure suit", 2980},
                                         {"DR-SLK", "Silk dress", 1280},
                                         {"PO-CTN", "Cotton polo", 199},
                                         {"QP-SLK", "Silk qipao", 1880}};
constexpr Product kBusinessProducts[] = {{"UN-BATCH", "Corporate uniform batch", 18000},
                                         {"SH-BULK", "Shirts, bulk order", 9500},
                                         {"FB-ROLL", "Silk fabric roll", 6200},
                                         {"WS-MIX", "Wholesale mixed assortment", 26000}};
constexpr const char* kInteractionKinds[][4] = {
    {"call", "inbound", "phone", "Asked about delivery time"},
    {"email", "inbound", "email", "Question about sizes"},
    {"complaint", "inbound", "phone", "Seam came loose after one wash"},
    {"promotion", "outbound", "email", "Singles' Day made-to-measure offer"},
    {"visit", "outbound", "visit", "Account review with the buyer"},
    {"call", "outbound", "phone", "Follow-up after delivery"},
    {"web", "inbound", "web", "Browsed silk dresses"}};

/// A uniformly chosen element of `a`.
template <typename T, std::size_t N>
const T& Pick(std::mt19937_64& rng, const T (&a)[N]) {
  return a[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

}  // namespace chaincrm::services::demo
