using Vigil.Grains.Contracts.Events;

namespace Vigil.Simulator.Generation;

/// <summary>
/// The small built-in phrase lists: benign chat and room titles in English, Arabic and Spanish, and mild keyword lines
/// per violation category (what a chat filter would look for, not real abuse), with the evasions abusers use.
/// </summary>
internal static class PhraseBook
{
    private static readonly Dictionary<string, string[]> Benign = new(StringComparer.Ordinal)
    {
        ["en"] =
        [
            "hi everyone", "hello from Toronto!", "love this song", "lol", "you're amazing", "where are you from?",
            "first time here", "good night all", "sing it again please", "what game is this?", "so funny 😂", "gg",
            "can you say hi to me?", "that was epic", "happy birthday!!", "your voice is so calm", "ok I'm back",
            "who else is watching from work", "🔥🔥🔥", "nice outfit", "what time is it there?", "followed ❤️",
        ],
        ["ar"] =
        [
            "مرحبا", "السلام عليكم", "ما شاء الله", "صوتك جميل", "من وين انتي؟", "تحياتي من السعودية", "حبيبي",
            "ههههه", "الله يسعدك", "أحسنت", "مساء الخير", "ياسلام", "كمل الأغنية", "تحياتي من مصر", "منور البث",
            "وين الباقين؟", "يعطيك العافية", "اشتقنا لك", "❤️❤️", "رمضان كريم",
        ],
        ["es"] =
        [
            "hola a todos", "qué bonito", "saludos desde México", "te amo", "jajaja", "buenas noches", "canta otra",
            "eres la mejor", "de dónde eres?", "saludos desde Bogotá", "qué juego es?", "me encanta", "otra vez por favor",
            "feliz cumpleaños!!", "ya llegué", "qué hora es allá?", "🔥🔥", "te sigo ❤️",
        ],
    };

    private static readonly Dictionary<string, string[]> Titles = new(StringComparer.Ordinal)
    {
        ["en"] = ["chill night stream", "karaoke with me", "ranked grind", "Q&A ask me anything", "late night talk", "cooking live", "dance practice", "PK battle!"],
        ["ar"] = ["سهرة ونسة", "غناء مباشر", "تحدي PK", "دردشة مع المتابعين", "طبخ مباشر", "قراءة قرآن", "ليلة طرب"],
        ["es"] = ["noche de karaoke", "charlando con ustedes", "partida clasificatoria", "cocinando en vivo", "baile en vivo", "batalla PK!"],
    };

    private static readonly Dictionary<Category, Dictionary<string, string[]>> Keywords = new()
    {
        [Category.Spam] = Lines(["free coins follow me", "free diamonds at my link", "follow4follow"], ["عملات مجانية", "تابعني ارد المتابعة"], ["monedas gratis", "sígueme y te sigo"]),
        [Category.Fraud] = Lines(["send coins to my account I double them", "recharge agent cheap dm me"], ["ارسل لي رصيد واضاعفه", "شحن رخيص كلمني خاص"], ["te doblo tus monedas", "recarga barata escríbeme"]),
        [Category.Gambling] = Lines(["casino bonus tonight", "bet now win big"], ["قمار", "رهان الليلة"], ["apuestas aquí", "casino gratis"]),
        [Category.Drugs] = Lines(["weed for sale", "pills dm me"], ["مخدرات للبيع", "حشيش"], ["drogas baratas", "vendo pastillas"]),
        [Category.Hate] = Lines(["go back to your country", "your people are trash"], ["ارجع لبلدك", "شعبك زبالة"], ["vete de mi país", "tu gente es basura"]),
        [Category.Harassment] = Lines(["you are ugly", "nobody likes you", "i know where you live"], ["انت قبيح", "محد يحبك"], ["eres fea", "nadie te quiere"]),
        [Category.SelfHarm] = Lines(["i want to hurt myself", "nobody would miss me"], ["أريد أن أؤذي نفسي", "ما في أحد راح يفتقدني"], ["quiero hacerme daño", "nadie me extrañaría"]),
        [Category.MinorSafety] = Lines(["how old are you? you look 12", "are you home alone? add me private"], ["كم عمرك؟ شكلك صغيرة", "انتي لحالك بالبيت؟"], ["cuántos años tienes? pareces de 12", "estás sola en casa?"]),
        [Category.Violence] = Lines(["i will beat you up", "watch this fight"], ["سأضربك", "شوفوا الضرب"], ["te voy a golpear", "miren la pelea"]),
        [Category.Weapons] = Lines(["selling guns dm", "show the gun again"], ["أبيع سلاح", "وريني المسدس"], ["vendo armas", "enseña el arma otra vez"]),
        [Category.Sexual] = Lines(["show more skin", "take it off"], ["اكشفي أكثر", "اخلعي"], ["enséñame más", "quítatelo"]),
        [Category.Nudity] = Lines(["take it off"], ["اخلعي"], ["quítatelo"]),
        [Category.Copyright] = Lines(["full movie free here", "world cup stream free"], ["فيلم كامل مجانا", "بث المباراة مجانا"], ["película completa gratis", "partido gratis aquí"]),
    };

    private static readonly Dictionary<Category, string> Notes = new()
    {
        [Category.MinorSafety] = "streamer looks like a child",
        [Category.SelfHarm] = "broadcaster is talking about hurting themselves",
        [Category.Violence] = "people fighting on stream",
        [Category.Nudity] = "nudity on camera",
        [Category.Sexual] = "sexual content",
        [Category.Hate] = "hateful comments against a nationality",
        [Category.Harassment] = "broadcaster is bullying a viewer",
        [Category.Gambling] = "promoting a casino",
        [Category.Drugs] = "showing drugs",
        [Category.Weapons] = "showing a gun",
        [Category.Fraud] = "asking for coins, scam",
        [Category.Spam] = "spam links",
        [Category.Copyright] = "streaming a football match",
    };

    private static readonly string[] ComplaintTopics =
        ["recharge_failed", "gift_not_delivered", "account_locked", "stream_lag", "refund_request", "harassed_by_user", "level_not_updated"];

    public static IReadOnlyList<string> Languages { get; } = ["en", "ar", "es"];

    public static IReadOnlyList<string> Topics => ComplaintTopics;

    public static string BenignChat(SimRandom random, string lang) => random.Pick(Benign[lang]);

    public static string Title(SimRandom random, string lang) => random.Pick(Titles[lang]);

    public static bool HasKeywords(Category category) => Keywords.ContainsKey(category);

    /// <summary>A keyword line for <paramref name="category"/>, evaded half the time.</summary>
    public static string Violation(SimRandom random, Category category, string lang)
    {
        var line = random.Pick(Keywords[category][lang]);
        return random.Chance(0.5) ? Obfuscator.Evade(random, line, lang) : line;
    }

    public static string? Note(SimRandom random, Category category) =>
        random.Chance(0.6) && Notes.TryGetValue(category, out var note) ? note : null;

    private static Dictionary<string, string[]> Lines(string[] en, string[] ar, string[] es) =>
        new(StringComparer.Ordinal) { ["en"] = en, ["ar"] = ar, ["es"] = es };
}
