// Name pools for the benchmark population. Frequencies follow a flattened Zipf law (weight 1/(rank+k)),
// tuned so that name collisions are about as common as in a real population: the most common given name
// has ≈1.2% of people and Σ share² ≈ 0.0045; the most common surname ≈0.25% and Σ share² ≈ 0.0004 (the
// US census has Σ share² ≈ 0.004 for given names and ≈ 0.0004 for surnames; an international network is
// more diverse still). The tail of surnames is synthesized from syllables, since real populations have
// tens of thousands of surnames and a 100k population must not run out of rare ones.
// Names with accents and nicknames are over-represented on purpose: they are what normalization is for.

export const GIVEN_NAMES: readonly string[] = [
  "James", "John", "Robert", "Michael", "William", "David", "Mary", "Elizabeth", "Jennifer", "Richard", "Joseph", "Thomas",
  "Christopher", "Sarah", "Daniel", "Matthew", "Jessica", "Anthony", "Katherine", "Margaret", "Andrew", "Steven", "Nicholas",
  "Rebecca", "Patricia", "Jonathan", "Samuel", "Benjamin", "Alexander", "Victoria", "Edward", "Charles", "Susan", "Deborah",
  "Timothy", "Gregory", "Kenneth", "Ronald", "Donald", "Lawrence", "Peter", "Frederick", "Henry", "Zachary", "Jacob", "Joshua",
  "Theodore", "Eleanor", "Isabella", "Olivia", "Megan", "Amanda", "Cynthia", "Kimberly", "Pamela", "Judith", "Barbara",
  "Abigail", "Samantha", "Natalie", "Emily", "Hannah", "Lauren", "Rachel", "Grace", "Chloe", "Ethan", "Owen", "Claire", "Ryan",
  "Tyler", "Madison", "Nathan", "Jordan", "Taylor", "Niamh", "Declan", "Siobhan", "Brian", "Kevin", "Laura", "Emma", "Sophie",
  "José", "María", "Francisco", "Alejandro", "Ignacio", "Guadalupe", "Enrique", "Eduardo", "Roberto", "Guillermo", "Manuel",
  "Dolores", "Lucía", "Sofía", "Valentina", "Camila", "Diego", "Javier", "Mateo", "Andrés", "Gabriela", "Luis", "Rafael",
  "Santiago", "Ximena", "Joaquín", "Inés", "Giovanni", "Giuseppe", "Francesco", "Antonio", "Giulia", "Chiara", "Matteo",
  "Lorenzo", "Johannes", "Wolfgang", "Jürgen", "Katharina", "Lukas", "Anja", "Björn", "Søren", "Åsa", "Mikhail", "Dmitry",
  "Ivan", "Ekaterina", "Elena", "Anastasia", "Tatiana", "Natalia", "Vladimir", "Olga", "Katarzyna", "Małgorzata", "Wojciech",
  "Piotr", "Zoltán", "François", "Hélène", "Amélie", "Thibault", "Renée", "Noël", "Arjun", "Priya", "Rohan", "Ananya",
  "Vikram", "Kavya", "Aditya", "Neha", "Rahul", "Divya", "Sanjay", "Meera", "Karthik", "Aisha", "Imran", "Farah", "Nikhil",
  "Shreya", "Ravi", "Pooja", "Wei", "Mei", "Jun", "Xiaoling", "Hao", "Yan", "Lei", "Jing", "Yifan", "Zhiwei", "Xin", "Ling",
  "Min-jun", "Ji-woo", "Seo-yeon", "Hyun", "Yuna", "Hiroshi", "Yuki", "Kenta", "Aiko", "Takumi", "Sakura", "Haruto", "Minh",
  "Linh", "Thanh", "Bao", "Chinedu", "Amara", "Kwame", "Ama", "Oluwaseun", "Ngozi", "Tendai", "Zanele", "Kofi", "Abena",
  "Tunde", "Adaeze", "Sipho", "Thandiwe", "Emeka", "Wanjiru", "Omar", "Layla", "Yusuf", "Fatima", "Mehmet", "Elif", "Ahmet",
  "Zeynep", "Karim", "Nour", "Hamza", "Leila", "Tariq", "Yasmin", "Avi", "Noa", "Eitan", "Tamar", "Lars", "Ingrid", "Sven",
  "Freya", "Anders", "Maja", "Pieter", "Sanne", "Joost", "Femke", "Ana", "João", "Gonçalo", "Beatriz", "Tiago", "Mariana",
  "Ashley", "Brandon", "Caleb", "Dylan", "Evelyn", "Gavin", "Holly", "Isaac", "Julia", "Kyle", "Leah", "Mason", "Nora", "Paige",
  "Quinn", "Riley", "Sean", "Tessa", "Vanessa", "Wyatt", "Aaron", "Bethany", "Colin", "Dana", "Erin", "Felix", "Gemma", "Heidi",
  "Ian", "Jasmine", "Keith", "Lydia", "Marcus", "Nadia", "Oscar", "Phoebe", "Reid", "Stella", "Trevor", "Uma", "Vera", "Wesley",
  "Adrián", "Bárbara", "Cristina", "Emilio", "Fernando", "Irene", "Jorge", "Lorena", "Marta", "Nicolás", "Pablo", "Raquel",
  "Sergio", "Teresa", "Víctor", "Alessandro", "Federica", "Gianluca", "Martina", "Riccardo", "Sara", "Stefano", "Valerio",
  "Florian", "Greta", "Henrik", "Jonas", "Klaus", "Lena", "Moritz", "Nils", "Petra", "Stefan", "Ulrike", "Yannick", "Zofia",
  "Agnieszka", "Bartosz", "Krzysztof", "Marek", "Tomasz", "Aleksei", "Boris", "Irina", "Sergei", "Svetlana", "Yulia", "Amit",
  "Deepak", "Gaurav", "Harpreet", "Lakshmi", "Manish", "Nandini", "Prakash", "Sunita", "Varun", "Chen", "Fang", "Guang", "Hui",
  "Jian", "Kai", "Lan", "Ming", "Qiang", "Rui", "Tao", "Xia", "Daisuke", "Emi", "Kaito", "Naoko", "Ren", "Shota", "Tomoko",
  "Adebayo", "Chiamaka", "Dayo", "Efua", "Femi", "Kemi", "Lerato", "Musa", "Nkechi", "Obinna", "Rudo", "Themba", "Ali", "Bilal",
  "Dina", "Hana", "Jamal", "Khalid", "Lina", "Mariam", "Rami", "Salma", "Yara", "Ziad",
];

const REAL_SURNAMES: readonly string[] = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez",
  "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
  "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
  "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell",
  "Carter", "Roberts", "Phillips", "Evans", "Turner", "O'Brien", "Murphy", "Kelly", "O'Connor", "Brennan", "Sullivan",
  "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Gómez", "Díaz",
  "Reyes", "Morales", "Ortiz", "Castillo", "Vargas", "Romero", "Navarro", "Mendoza", "García-López", "de la Cruz", "Rossi",
  "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Müller", "Schmidt", "Schneider", "Fischer",
  "Weber", "Meyer", "Wagner", "Becker", "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "van der Berg",
  "de Vries", "van Dijk", "Bakker", "Janssen", "Visser", "Jansen", "Smit", "de Jong", "Mulder", "Dubois", "Lefèvre", "Moreau",
  "Laurent", "Girard", "Bonnet", "Rousseau", "Fournier", "Lambert", "Fontaine", "Ivanov", "Smirnov", "Kuznetsov", "Popov",
  "Volkov", "Sokolov", "Lebedev", "Kozlov", "Novak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Nowak",
  "Horváth", "Nagy", "Kovács", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsen", "Hansen", "Jensen",
  "Nielsen", "Pedersen", "Sørensen", "Virtanen", "Korhonen", "Patel", "Sharma", "Singh", "Kumar", "Gupta", "Iyer", "Reddy",
  "Nair", "Menon", "Rao", "Chatterjee", "Banerjee", "Desai", "Joshi", "Kapoor", "Malhotra", "Khan", "Hussain", "Ahmed",
  "Qureshi", "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Lin", "Kim", "Park", "Choi",
  "Jung", "Kang", "Cho", "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Sato", "Nakamura", "Kobayashi", "Yamamoto", "Tran",
  "Pham", "Le", "Santos", "Wijaya", "Halim", "Bautista", "Villanueva", "Okafor", "Adeyemi", "Okonkwo", "Mensah", "Boateng",
  "Asante", "Mwangi", "Kamau", "Ndlovu", "Dlamini", "Abubakar", "Eze", "Nwosu", "Ochieng", "Moyo", "Banda", "Haddad",
  "Khoury", "Nasser", "Hassan", "Yilmaz", "Kaya", "Demir", "Şahin", "Çelik", "Cohen", "Levi", "Mizrahi", "Friedman",
  "Silva", "Oliveira", "Souza", "Costa", "Ferreira", "Pereira", "Carvalho", "Almeida", "Gonçalves", "Ribeiro",
];

const SURNAME_HEADS = ["Ander", "Bel", "Car", "Dun", "Fitz", "Gal", "Har", "Kov", "Lind", "Mor", "Nak", "Ost", "Pet", "Ros",
  "Sten", "Tor", "Vel", "Wal", "Yam", "Zel", "Brom", "Crest", "Dal", "Eck", "Fal", "Grim", "Hol", "Ivar", "Jor", "Kel"];
const SURNAME_TAILS = ["son", "berg", "ski", "enko", "ley", "ton", "ova", "ini", "ez", "ford", "mann", "sen", "vic", "ura",
  "ani", "ström", "eau", "as", "well", "stein", "ovich", "quist", "hart", "wood", "ard", "ida", "oglu", "akis", "escu", "ney"];

const SURNAME_LINKS = ["", "a", "o", "er", "in", "el"];

/**
 * Real surnames first (the frequent head), then syllable-built ones (the rare tail): two heads joined
 * ("Kovlind…") and head + link + tail ("Dunaberg"), ≈ 32 000 distinct names in all.
 */
export const SURNAMES: readonly string[] = [
  ...REAL_SURNAMES,
  ...SURNAME_LINKS.flatMap((link) => SURNAME_HEADS.flatMap((head) => SURNAME_TAILS.map((tail) => head + link + tail))),
  ...SURNAME_HEADS.flatMap((head) => SURNAME_HEADS.filter((second) => second !== head)
    .flatMap((second) => SURNAME_TAILS.map((tail) => head + second.toLowerCase() + tail))),
];

/** Flattened Zipf weights: 1/(rank + offset). A larger offset flattens the head. */
export function zipfWeights(count: number, offset: number): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / (rank + 1 + offset));
}

export const TITLES: readonly string[] = [
  "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager", "VP Engineering", "CTO",
  "Product Manager", "Senior Product Manager", "Director of Product", "Product Designer", "Data Scientist", "Data Engineer",
  "Account Executive", "Sales Director", "VP Sales", "Customer Success Manager", "Marketing Manager", "Head of Marketing",
  "CEO", "COO", "CFO", "Founder", "Recruiter", "Head of People", "Operations Manager", "Financial Analyst", "Controller",
  "General Counsel", "Solutions Architect", "DevOps Engineer", "Security Engineer", "Research Scientist", "Partner",
  "Principal", "Investor", "Business Development Manager", "Office Manager", "Executive Assistant", "Consultant",
];
