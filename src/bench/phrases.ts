/**
 * The synthetic corpus's phrase bank: invented Vietnamese sentences in the register of a military
 * region's news site, with slots the generator fills. None of it is taken from the reference dumps;
 * the unit names and place names are real-world names (they are what the recognizer must find), the
 * people are invented.
 *
 * Slots: {unit} the article's primary unit, {unit2} another of its units (the primary when it has one),
 * {place} a commune and district, {province}, {person} a rank, name and role, {name} a rank and name,
 * {n} a small count, {pct} a percentage, {year} the article's year, {topic} a task.
 */

/** The nine provinces of the region, each with districts whose military commands are units too. */
export const PROVINCES: ReadonlyArray<{ name: string; capital: string; districts: readonly string[] }> = [
  { name: 'Hà Giang', capital: 'Hà Giang', districts: ['Bắc Mê', 'Bắc Quang', 'Đồng Văn', 'Hoàng Su Phì', 'Mèo Vạc', 'Quản Bạ', 'Quang Bình', 'Vị Xuyên', 'Xín Mần', 'Yên Minh'] },
  { name: 'Tuyên Quang', capital: 'Tuyên Quang', districts: ['Chiêm Hóa', 'Hàm Yên', 'Lâm Bình', 'Na Hang', 'Sơn Dương', 'Yên Sơn'] },
  { name: 'Lào Cai', capital: 'Lào Cai', districts: ['Bát Xát', 'Bảo Thắng', 'Bảo Yên', 'Bắc Hà', 'Mường Khương', 'Si Ma Cai', 'Văn Bàn'] },
  { name: 'Yên Bái', capital: 'Yên Bái', districts: ['Lục Yên', 'Mù Cang Chải', 'Trạm Tấu', 'Trấn Yên', 'Văn Chấn', 'Văn Yên', 'Yên Bình'] },
  { name: 'Lai Châu', capital: 'Lai Châu', districts: ['Mường Tè', 'Nậm Nhùn', 'Phong Thổ', 'Sìn Hồ', 'Tam Đường', 'Tân Uyên', 'Than Uyên'] },
  { name: 'Điện Biên', capital: 'Điện Biên Phủ', districts: ['Điện Biên Đông', 'Mường Ảng', 'Mường Chà', 'Mường Nhé', 'Nậm Pồ', 'Tủa Chùa', 'Tuần Giáo'] },
  { name: 'Sơn La', capital: 'Sơn La', districts: ['Bắc Yên', 'Mai Sơn', 'Mộc Châu', 'Mường La', 'Phù Yên', 'Quỳnh Nhai', 'Sông Mã', 'Sốp Cộp', 'Thuận Châu', 'Yên Châu', 'Vân Hồ'] },
  { name: 'Phú Thọ', capital: 'Việt Trì', districts: ['Cẩm Khê', 'Đoan Hùng', 'Hạ Hòa', 'Lâm Thao', 'Phù Ninh', 'Tam Nông', 'Tân Sơn', 'Thanh Ba', 'Thanh Sơn', 'Thanh Thủy', 'Yên Lập'] },
  { name: 'Vĩnh Phúc', capital: 'Vĩnh Yên', districts: ['Bình Xuyên', 'Lập Thạch', 'Sông Lô', 'Tam Đảo', 'Tam Dương', 'Vĩnh Tường', 'Yên Lạc'] },
];

/** Commune names for places and for border posts. */
export const COMMUNES: readonly string[] = [
  'Lũng Cú', 'Sủng Là', 'Phố Bảng', 'Săm Pun', 'Lao Chải', 'Thanh Đức', 'Xín Cái', 'Nghĩa Thuận',
  'Bản Lầu', 'Pha Long', 'Y Tý', 'A Mú Sung', 'Bản Vược', 'Mường Hum', 'Trịnh Tường', 'Nậm Chày',
  'Ma Lù Thàng', 'Huổi Luông', 'Dào San', 'Pa Vệ Sủ', 'Ka Lăng', 'Thu Lũm', 'Mù Cả', 'Sín Thầu',
  'Chung Chải', 'Leng Su Sìn', 'Nà Hỳ', 'Si Pa Phìn', 'Mường Lói', 'Na Son', 'Chiềng Khương',
  'Mường Lèo', 'Lóng Sập', 'Chiềng On', 'Phiêng Khoài', 'Tân Xuân', 'Mường Lạn', 'Púng Bánh',
  'Nà Nghịu', 'Chiềng Sơ', 'Tả Van', 'Bản Phố', 'Lùng Phình', 'Khâu Vai', 'Cán Tỷ', 'Nậm Ban',
];

/** Numbered units: the few hundred units the corpus draws from are built from these. */
export const DIVISIONS = [316, 355, 345, 311, 326, 398];
export const BRIGADES = [168, 297, 406, 543, 545, 604, 820, 564, 199, 368, 454, 575];
export const REGIMENTS = [
  98, 148, 174, 176, 246, 247, 250, 254, 266, 414, 754, 852, 882, 885, 888, 121, 122, 141, 165, 190,
  201, 209, 213, 226, 236, 241, 288, 302, 338, 470,
];
export const ECONOMIC_DEFENCE_GROUPS = [326, 338, 345, 356, 379, 399, 412];
export const NAMED_UNITS: readonly string[] = [
  'Trường Quân sự Quân khu 2', 'Bệnh viện Quân y 109', 'Bệnh viện Quân y 6', 'Kho K820', 'Kho K825',
  'Kho K835', 'Cục Kỹ thuật Quân khu 2', 'Cục Hậu cần Quân khu 2', 'Cục Chính trị Quân khu 2',
  'Bộ Tham mưu Quân khu 2', 'Xưởng X201', 'Trường Cao đẳng nghề số 2', 'Đoàn An điều dưỡng 92',
  'Quân khu 2',
];

/** People are invented from these parts. */
export const FAMILY_NAMES = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương',
  'Lý', 'Đinh', 'Lò', 'Sùng', 'Vàng', 'Giàng', 'Hà', 'Mai', 'Lường', 'Cầm', 'Triệu',
];
export const MIDDLE_NAMES = ['Văn', 'Đức', 'Hữu', 'Minh', 'Quang', 'Ngọc', 'Xuân', 'Thanh', 'Mạnh', 'Công', 'Trọng', 'Anh'];
export const GIVEN_NAMES = [
  'Hùng', 'Dũng', 'Tuấn', 'Hải', 'Long', 'Thắng', 'Bình', 'Cường', 'Sơn', 'Nam', 'Hòa', 'Khánh',
  'Phong', 'Trung', 'Lâm', 'Thành', 'Vinh', 'Hiếu', 'Toàn', 'Đạt', 'Kiên', 'Nghĩa', 'Tiến', 'Quyết',
];
export const RANKS = ['Thiếu úy', 'Trung úy', 'Thượng úy', 'Đại úy', 'Thiếu tá', 'Trung tá', 'Thượng tá', 'Đại tá'];
export const SENIOR_RANKS = ['Trung tá', 'Thượng tá', 'Đại tá'];
export const ROLES = [
  'Chính ủy', 'Chỉ huy trưởng', 'Phó Chính ủy', 'Tham mưu trưởng', 'Chủ nhiệm Chính trị',
  'Bí thư Đảng ủy', 'Phó Chỉ huy trưởng', 'Chính trị viên', 'Đồn trưởng', 'Trưởng phòng Chính trị',
];

/**
 * The forty reporters of the corpus, printed in capitals in most bylines. Invented names: none is a
 * byline of the reference dumps.
 */
export const REPORTERS: readonly string[] = [
  'NGUYỄN THANH TÙNG', 'LÊ MINH HẠNH', 'PHẠM QUỐC VIỆT', 'ĐỖ THU TRANG', 'VŨ HOÀI NAM', 'BÙI ĐỨC LỢI',
  'HÀ THỊ NGÂN', 'ĐINH VĂN KHÔI', 'LÒ THỊ XUYẾN', 'TRIỆU QUANG HUY', 'MAI PHƯƠNG THẢO', 'CẦM BÁ HIỂN',
  'NGÔ XUÂN TRƯỜNG', 'DƯƠNG HỒNG NHUNG', 'PHAN TRỌNG NGHĨA', 'HỒ ANH THƯ', 'LƯỜNG VĂN SỸ', 'GIÀNG A PHÁ',
  'ĐẶNG KIM OANH', 'TẠ QUANG MINH', 'LƯU THỊ HÀ', 'KIỀU VĂN TÂM', 'TRỊNH NGỌC BÍCH', 'LẠI HỒNG SƠN',
  'CAO THỊ LAN', 'VƯƠNG ĐÌNH TỨ', 'QUÁCH MINH CHÂU', 'TÔ HẢI YẾN', 'KHỔNG VĂN ĐIỆP', 'LA THỊ MƠ',
  'ÔNG THẾ VINH', 'PHÙNG BẢO NGỌC', 'THÂN VĂN LỰC', 'ÂU THỊ DUNG', 'HỨA ĐỨC THỊNH', 'VI VĂN CHUNG',
  'MÙA A SÙNG', 'SẦM THỊ HOA', 'NÔNG VĂN BẢY', 'TĂNG MINH ĐỨC',
];
/** Bylines a few desks sign with initials or a name in normal case instead. */
export const INITIALS = ['TH', 'MN', 'QV'];

/** Tasks and campaigns that titles and sentences talk about. */
export const TOPICS: readonly string[] = [
  'huấn luyện chiến sĩ mới', 'diễn tập khu vực phòng thủ', 'xây dựng nông thôn mới', 'công tác dân vận',
  'phòng, chống thiên tai', 'tìm kiếm cứu nạn', 'tuyển quân', 'giáo dục quốc phòng và an ninh',
  'xây dựng lực lượng dân quân tự vệ', 'bảo vệ chủ quyền biên giới', 'cải cách hành chính quân sự',
  'huấn luyện dự bị động viên', 'chuyển đổi số', 'tăng gia sản xuất', 'bảo đảm hậu cần, kỹ thuật',
  'công tác chính sách hậu phương quân đội', 'phòng, chống cháy rừng', 'xây dựng chính quy',
  'thi đua quyết thắng', 'sẵn sàng chiến đấu', 'quân dân y kết hợp', 'xóa nhà tạm cho hộ nghèo',
];

export const TITLES: readonly string[] = [
  '{unit} nâng cao chất lượng {topic}',
  '{unit} tổng kết {topic} năm {year}',
  'Hiệu quả từ mô hình {topic} ở {unit}',
  'Khi bộ đội {unit} về với bản làng {commune}',
  '{unit} ra quân {topic}',
  'Dấu ấn {topic} tại {unit}',
  'Đổi mới cách làm trong {topic} ở {unit}',
  '{unit} giúp dân {commune} vượt khó',
  'Kiểm tra toàn diện {topic} tại {unit}',
  'Điểm sáng {topic} trên vùng biên {commune}',
  'Tuổi trẻ {unit} xung kích {topic}',
  '{unit} – Vững vàng nơi tuyến đầu',
  'Sát cánh cùng nhân dân {commune} trong {topic}',
  '{unit} khai mạc hội thao {topic}',
  'Chuyển biến rõ nét trong {topic} ở {unit}',
  'Nâng cao năng lực lãnh đạo của Đảng ủy {unit}',
  '{unit} sơ kết 6 tháng thực hiện {topic}',
  'Ấm tình quân dân ở {commune}',
];

export const SERIES: readonly string[] = [
  'Bài 1: Chuyển biến từ nhận thức đến hành động',
  'Bài 2: Những cách làm sáng tạo ở cơ sở',
  'Bài 3: Tiếp tục khơi dậy sức mạnh đoàn kết',
  'Bài 1: Từ quyết tâm của cấp ủy',
  'Bài 2: Lan tỏa trên từng bản làng',
  'Bài cuối: Giữ vững thành quả, hướng tới mục tiêu mới',
];

/** Leads follow the dateline `QK2 – `; the generator prefixes the dateline. */
export const LEADS: readonly string[] = [
  'Sáng {day}/{month}, {unit} tổ chức hội nghị tổng kết {topic} năm {year}. {person} chủ trì hội nghị. Dự hội nghị có đại diện lãnh đạo cấp ủy, chính quyền địa phương và các cơ quan, đơn vị liên quan.',
  'Thời gian qua, {unit} đã tập trung lãnh đạo, chỉ đạo thực hiện tốt {topic}, góp phần xây dựng đơn vị vững mạnh toàn diện, giữ vững ổn định chính trị trên địa bàn {province}.',
  'Ngày {day}/{month}, tại {place}, {unit} phối hợp với cấp ủy, chính quyền địa phương tổ chức {topic}, thu hút đông đảo cán bộ, chiến sĩ và nhân dân tham gia.',
  'Với phương châm “bám dân, bám bản, bám địa bàn”, những năm qua cán bộ, chiến sĩ {unit} luôn đồng hành cùng đồng bào các dân tộc ở {place} trong {topic}, để lại nhiều tình cảm tốt đẹp.',
  'Trong các ngày từ {day} đến {day2}/{month}, đoàn công tác do {person} làm trưởng đoàn đã kiểm tra {topic} tại {unit}.',
  'Xác định {topic} là nhiệm vụ chính trị trọng tâm, thường xuyên, Đảng ủy, chỉ huy {unit} đã ban hành nghị quyết chuyên đề, đề ra nhiều chủ trương, biện pháp sát với thực tiễn đơn vị.',
  'Chiều {day}/{month}, {unit} long trọng tổ chức lễ ra quân {topic} năm {year}. Tham dự buổi lễ có {person} cùng đông đảo cán bộ, chiến sĩ trong đơn vị.',
];

/** Body sentences: the generator strings three to six into a paragraph. */
export const SENTENCES: readonly string[] = [
  'Ngay từ đầu năm, cấp ủy, chỉ huy {unit} đã quán triệt sâu sắc các nghị quyết, chỉ thị của cấp trên, cụ thể hóa thành kế hoạch sát với tình hình thực tế của đơn vị.',
  'Đơn vị duy trì nghiêm chế độ trực sẵn sàng chiến đấu, trực chỉ huy, trực ban; chủ động nắm chắc tình hình địa bàn, không để bị động, bất ngờ trong mọi tình huống.',
  'Qua {n} tháng triển khai, đã có {pct}% cán bộ, chiến sĩ đạt yêu cầu, trong đó hơn một nửa đạt khá, giỏi.',
  'Theo {person}, điểm mới năm nay là đơn vị đổi mới phương pháp huấn luyện, lấy thực hành là chính, gắn lý thuyết với thực tiễn địa bàn rừng núi, biên giới.',
  'Cùng với huấn luyện, {unit} chú trọng công tác giáo dục chính trị, tư tưởng, giúp bộ đội xác định rõ động cơ, trách nhiệm, yên tâm công tác lâu dài.',
  'Phối hợp chặt chẽ với {unit2}, lực lượng công an và chính quyền các xã, đơn vị đã tổ chức {n} đợt tuần tra, kiểm soát trên các tuyến đường mòn, lối mở.',
  'Tại {place}, bộ đội giúp nhân dân làm đường giao thông nông thôn, nạo vét kênh mương, sửa chữa nhà ở, tuyên truyền bà con phát triển kinh tế hộ gia đình.',
  'Nhiều hộ đồng bào dân tộc Mông, Dao, Thái đã được hướng dẫn cách chăm sóc cây chè, cây quế, chăn nuôi trâu bò theo hướng hàng hóa, thu nhập từng bước ổn định.',
  'Năm {year}, {unit} tiếp nhận hơn {n}0 chiến sĩ mới; trước khi vào huấn luyện, đơn vị tổ chức khám sức khỏe, phân loại trình độ, nắm hoàn cảnh gia đình từng người.',
  'Những khó khăn về thời tiết, địa hình dốc cao, mưa lũ thất thường không làm giảm quyết tâm của cán bộ, chiến sĩ; các nội dung vẫn được triển khai đúng tiến độ.',
  'Công tác bảo đảm hậu cần, kỹ thuật được thực hiện kịp thời, đầy đủ; vũ khí, trang bị được bảo quản, bảo dưỡng định kỳ, hệ số kỹ thuật luôn bảo đảm.',
  'Đơn vị đã tổ chức {n} buổi tuyên truyền pháp luật, phổ biến chính sách của Đảng, Nhà nước cho hơn {n} trăm lượt người dân các bản vùng sâu.',
  'Đánh giá về kết quả đạt được, {person} cho rằng: sự đồng thuận của nhân dân là yếu tố quyết định để nhiệm vụ đạt hiệu quả cao.',
  'Bên cạnh kết quả đạt được, vẫn còn một số hạn chế như việc vận dụng kiến thức vào thực tiễn ở một số khâu chưa linh hoạt, công tác phối hợp có lúc chưa chặt chẽ.',
  'Thời gian tới, {unit} tiếp tục đẩy mạnh {topic}, khắc phục những mặt còn hạn chế, phấn đấu hoàn thành xuất sắc các chỉ tiêu năm {year}.',
  'Hằng tuần, tổ công tác của đơn vị xuống bản nắm tình hình, lắng nghe ý kiến của người có uy tín, kịp thời giải quyết những vướng mắc phát sinh ngay từ cơ sở.',
  'Sau diễn tập, các cơ quan, đơn vị đã rút kinh nghiệm sâu sắc, bổ sung hoàn chỉnh hệ thống văn kiện, kế hoạch tác chiến phòng thủ.',
  'Mô hình “Dân vận khéo” của {unit} được nhân rộng ra nhiều địa phương trong tỉnh {province}, góp phần củng cố vững chắc thế trận lòng dân.',
  'Các chi bộ duy trì nghiêm nền nếp sinh hoạt, nâng cao chất lượng tự phê bình và phê bình, phát huy vai trò tiền phong, gương mẫu của đảng viên.',
  'Bộ đội hành quân hàng chục ki-lô-mét đường rừng, mang theo lương thực, thuốc men để kịp thời hỗ trợ các hộ bị thiệt hại do sạt lở đất.',
  'Trong năm, đơn vị hỗ trợ xây dựng {n} ngôi nhà đại đoàn kết, trao tặng học bổng cho học sinh nghèo vượt khó ở các trường bán trú.',
  'Lớp tập huấn giúp cán bộ nắm vững quy trình, phương pháp tổ chức huấn luyện, thống nhất nội dung giữa các cơ quan, đơn vị.',
  'Hội thao diễn ra sôi nổi với các nội dung bắn súng, ném lựu đạn, chạy vũ trang, điều lệnh đội ngũ; kết quả có {pct}% nội dung đạt khá, giỏi.',
  'Trên cương vị {role}, {name} luôn gương mẫu, sâu sát cơ sở, được cán bộ, chiến sĩ tin yêu, nhân dân quý mến.',
  'Những ngày cuối năm, khi cái rét tràn về vùng cao, đội hình bộ đội vẫn bám bản, cùng ăn, cùng ở, cùng làm với đồng bào.',
  'Từ nguồn kinh phí tiết kiệm, đơn vị mua tặng giống cây, con, phân bón cho {n} hộ nghèo, giúp bà con có thêm sinh kế.',
  'Thông qua hoạt động, tình đoàn kết quân dân ngày càng gắn bó, niềm tin của nhân dân với cấp ủy, chính quyền và quân đội được củng cố.',
  'Lãnh đạo tỉnh {province} đánh giá cao tinh thần chủ động, trách nhiệm của {unit} trong thực hiện nhiệm vụ được giao.',
  'Các nội dung kiểm tra bao gồm công tác tham mưu, huấn luyện, xây dựng chính quy, quản lý kỷ luật, bảo đảm hậu cần và công tác đảng, công tác chính trị.',
  'Đơn vị thường xuyên tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao, tạo không khí vui tươi, phấn khởi trong đời sống bộ đội.',
  'Ứng dụng phần mềm quản lý vào công tác văn thư, lưu trữ giúp giảm thời gian xử lý văn bản, nâng cao hiệu quả điều hành của cơ quan.',
  'Hệ thống công trình chiến đấu, thao trường, bãi tập được củng cố, nâng cấp, đáp ứng yêu cầu huấn luyện sát thực tế chiến đấu.',
  'Đến nay, tỷ lệ hộ nghèo ở các bản đơn vị kết nghĩa đã giảm còn {pct}%, nhiều hộ vươn lên khá giả nhờ làm theo hướng dẫn của bộ đội.',
  'Phát biểu tại buổi lễ, {person} biểu dương tinh thần vượt khó của cán bộ, chiến sĩ, đồng thời đề nghị tiếp tục giữ vững kỷ luật, bảo đảm an toàn tuyệt đối.',
  'Lực lượng dân quân các xã được tập huấn kỹ năng cứu hộ, sơ cứu, sử dụng phương tiện phòng cháy, sẵn sàng cơ động khi có tình huống.',
  'Mỗi cán bộ, chiến sĩ là một tuyên truyền viên tích cực, vận động bà con không nghe theo kẻ xấu, không xuất cảnh trái phép, giữ gìn an ninh trật tự thôn bản.',
  'Để nâng cao chất lượng, đơn vị chọn những cán bộ có kinh nghiệm, có trình độ tiếng dân tộc làm nòng cốt cho các tổ công tác.',
  'Nhiều sáng kiến, cải tiến kỹ thuật được đưa vào sử dụng, làm lợi hàng trăm triệu đồng, giảm sức lao động cho bộ đội.',
  'Những con đường bê tông nối các bản được hoàn thành trước mùa mưa, giúp việc đi lại, giao thương của bà con thuận lợi hơn.',
  'Mùa mưa lũ năm {year}, đơn vị huy động hơn {n}0 lượt cán bộ, chiến sĩ cùng phương tiện giúp nhân dân khắc phục hậu quả.',
  'Công tác tuyển chọn và gọi công dân nhập ngũ bảo đảm dân chủ, công khai, đúng luật; chất lượng tân binh ngày càng được nâng lên.',
  'Ban chỉ huy quân sự các xã được kiện toàn, trang bị đầy đủ sổ sách, văn kiện, sẵn sàng tham mưu cho cấp ủy, chính quyền cơ sở.',
  'Đơn vị tổ chức khám bệnh, cấp thuốc miễn phí cho hơn {n}0 lượt người dân, trong đó chủ yếu là người già và trẻ em.',
  'Lớp học xóa mù chữ do bộ đội đứng lớp đã giúp nhiều phụ nữ trong bản biết đọc, biết viết, biết tính toán khi mua bán.',
  'Trên các điểm cao, tổ quan sát duy trì nghiêm chế độ trực, kịp thời báo cáo mọi diễn biến trên tuyến biên giới.',
  'Sau mỗi đợt hoạt động, cấp ủy tổ chức rút kinh nghiệm, chỉ rõ ưu điểm, khuyết điểm và biện pháp khắc phục cụ thể.',
  'Việc quản lý, sử dụng ngân sách được thực hiện công khai, minh bạch, đúng nguyên tắc, không để xảy ra thất thoát, lãng phí.',
  'Phong trào thi đua được phát động sâu rộng với nhiều hình thức phong phú, thu hút đông đảo đoàn viên thanh niên tham gia.',
  'Bếp ăn tập thể được cải tạo sạch sẽ, khẩu phần ăn của bộ đội bảo đảm đủ định lượng, thường xuyên thay đổi thực đơn.',
  'Vườn tăng gia của đơn vị xanh tốt quanh năm, đáp ứng phần lớn nhu cầu rau xanh, thịt cá cho bữa ăn hằng ngày.',
  'Tham gia diễn tập có các lực lượng bộ đội chủ lực, bộ đội địa phương, dân quân tự vệ, công an và các ban, ngành của địa phương.',
  'Nội dung diễn tập sát với tình hình thực tế, các tình huống được xử trí nhanh gọn, đúng nguyên tắc, bảo đảm an toàn tuyệt đối.',
  'Nhờ sự giúp đỡ của bộ đội, nhiều gia đình đã xây được chuồng trại hợp vệ sinh, đưa gia súc ra xa nhà ở.',
  'Cán bộ, chiến sĩ tích cực tham gia hiến máu tình nguyện, quyên góp ủng hộ đồng bào vùng bị thiên tai.',
  'Tại hội nghị, các đại biểu tập trung thảo luận, làm rõ nguyên nhân của những hạn chế và đề xuất nhiều giải pháp thiết thực.',
  'Cuộc thi tìm hiểu lịch sử truyền thống đơn vị giúp tuổi trẻ thêm tự hào, nguyện tiếp bước thế hệ cha anh.',
  'Các lớp bồi dưỡng kiến thức quốc phòng cho chức sắc tôn giáo, già làng, trưởng bản được tổ chức đúng kế hoạch.',
  'Đường dây nóng giữa đơn vị và chính quyền các xã được duy trì thông suốt, giúp xử lý kịp thời các vụ việc phức tạp.',
  'Sân chơi cho thiếu nhi, tủ sách cho học sinh bán trú là những món quà ý nghĩa mà bộ đội dành tặng các em nhỏ vùng cao.',
  'Cùng với {unit2}, đơn vị tổ chức ký kết chương trình phối hợp, trao đổi thông tin, hỗ trợ nhau hoàn thành nhiệm vụ.',
  'Đoàn công tác của {unit2} đã đến thăm, động viên cán bộ, chiến sĩ và trao tặng nhiều phần quà thiết thực.',
  'Lực lượng của {unit2} cũng tham gia hiệp đồng, bảo đảm thông tin liên lạc thông suốt trong suốt quá trình thực hiện.',
  'Trong đợt cao điểm, bộ đội phối hợp với dân quân tổ chức phát quang đường tuần tra, cắm mốc, sơn sửa biển báo.',
  'Đến cuối năm, toàn đơn vị không có vụ việc vi phạm kỷ luật nghiêm trọng, tỷ lệ vi phạm thông thường dưới {n} phần nghìn.',
  'Những tấm gương người tốt, việc tốt được biểu dương kịp thời, tạo sức lan tỏa trong toàn đơn vị và trên địa bàn.',
  'Bà con ở {place} phấn khởi cho biết, từ khi có bộ đội về, cuộc sống của thôn bản có nhiều đổi thay.',
];

/** Photo captions; some quote the person, some only the unit. */
export const CAPTIONS: readonly string[] = [
  '{person} phát biểu tại hội nghị.',
  'Cán bộ, chiến sĩ {unit} giúp nhân dân {place} thu hoạch lúa.',
  'Bộ đội {unit} luyện tập nội dung bắn súng tiểu liên AK.',
  'Đoàn công tác kiểm tra hồ sơ, sổ sách tại {unit}.',
  'Lãnh đạo {unit} trao quà cho các gia đình chính sách ở {place}.',
  'Tổ công tác của {unit} tuyên truyền pháp luật cho đồng bào.',
  'Các đại biểu dự lễ ra quân {topic}.',
  '{person} tặng giấy khen cho các tập thể có thành tích xuất sắc',
  'Lực lượng {unit} tuần tra trên tuyến biên giới.',
  'Bộ đội sửa chữa nhà cho hộ nghèo tại {place}.',
];

/** The ends of pages that the parser must drop, one of which closes most dumps. */
export const TAILS: readonly string[] = [
  '\n\nTrả lời\n\nThư điện tử của bạn sẽ không được hiển thị công khai.',
  '\n\nTrả lời\n\nThư điện tử của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *',
  '\n\nPhản hồi\n\nCác tin khác\n\nMới nhất\n\nXem nhiều nhất',
];

/** `Thứ sáu Ngày 19 Tháng 07 Năm 2024, 12:54:42`: the crawler's header, weekday first (Sunday = 0). */
export const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
